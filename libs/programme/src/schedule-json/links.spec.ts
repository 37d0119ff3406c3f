/**
 * Links per session in both exports (issue 17, pretalx#2365): page, stream, recording, feedback and
 * (through the captions extension point) transcript. Expected documents are written by hand.
 */
import { compileSchema, describeWithPublishedFormat } from '../testing/schedule-format';
import { programme, session } from '../testing/factories';
import { xsdErrors } from '../testing/xml-schema';
import { exportSchedule } from './export';
import { importSchedule } from './import';
import { toScheduleXml } from './xml';

const PAGE = 'https://podium.example/c/buko2018/s/1';
const withLinks = programme([
  session('1', '10:00', '11:00', { livestream: true, recordingUrl: 'https://media.example/v/1', feedbackUrl: 'https://podium.example/feedback/1' }),
  session('2', '11:30', '12:00'),
]);
const options = {
  baseUrl: 'https://podium.example/c/buko2018/',
  sessionUrl: (s: { id: string }) => `https://podium.example/c/buko2018/s/${s.id}`,
  streamUrl: (s: { id: string }) => `https://podium.example/c/buko2018/s/${s.id}/live`,
  // The captions helper plugs in here; only a session with a transcript gets a link.
  transcriptUrl: (s: { id: string }) => (s.id === '1' ? 'https://podium.example/c/buko2018/s/1/transcript' : undefined),
};
const doc = exportSchedule(withLinks, options);
const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());

describe('schedule.json', () => {
  it('carries page, stream, recording and transcript links and the feedback URL where they exist', () => {
    expect(events.map((e) => [e.url, e.links, e.feedback_url])).toEqual([
      [
        PAGE,
        [
          { url: 'https://podium.example/c/buko2018/s/1/live', title: 'Livestream', type: 'media' },
          { url: 'https://media.example/v/1', title: 'Recording', type: 'media' },
          { url: 'https://podium.example/c/buko2018/s/1/transcript', title: 'Transcript', type: 'related' },
        ],
        'https://podium.example/feedback/1',
      ],
      ['https://podium.example/c/buko2018/s/2', [], undefined],
    ]);
  });

  it('imports the recording and feedback links back into the session', () => {
    const back = importSchedule(doc).programme.sessions;
    expect(back.map((s) => [s.id, s.recordingUrl, s.feedbackUrl])).toEqual([
      ['1', 'https://media.example/v/1', 'https://podium.example/feedback/1'],
      ['2', undefined, undefined],
    ]);
  });
});

describeWithPublishedFormat('schedule.json with links against the published schema', () => {
  it('is valid', () => {
    expect(compileSchema()(doc)).toEqual([]);
  });
});

describe('schedule.xml', () => {
  const xml = toScheduleXml(doc);

  it('carries the recording URL, the links and feedback_url, valid against the XSD', () => {
    expect(xml).toContain(
      [
        '        <recording>',
        '          <license></license>',
        '          <optout>true</optout>',
        '          <url>https://media.example/v/1</url>',
        '        </recording>',
        '        <persons/>',
        '        <links>',
        '          <link href="https://podium.example/c/buko2018/s/1/live" type="media">Livestream</link>',
        '          <link href="https://media.example/v/1" type="media">Recording</link>',
        '          <link href="https://podium.example/c/buko2018/s/1/transcript" type="related">Transcript</link>',
        '        </links>',
        '        <feedback_url>https://podium.example/feedback/1</feedback_url>',
      ].join('\n'),
    );
    expect(xsdErrors(xml)).toBe('');
  });

  it('imports the recording and feedback links back into the session', () => {
    const back = importSchedule(xml).programme.sessions;
    expect(back.map((s) => [s.id, s.recordingUrl, s.feedbackUrl])).toEqual([
      ['1', 'https://media.example/v/1', 'https://podium.example/feedback/1'],
      ['2', undefined, undefined],
    ]);
  });
});
