/**
 * A refused import over HTTP (real api, real PostgreSQL): every refusal carries `details.refusal` with a code and
 * its params for the web (issue 16), next to the English message every client had before; nothing is written.
 */
import { api, startTestApp, type TestApp } from '../support/app';
import { counts, expectStatus, platformOrganiser, readKassel, type Organiser } from './support';

describe('programme: a refused import says why with a code and params (real PostgreSQL)', () => {
  let app: TestApp;
  let orga: Organiser;

  beforeAll(async () => {
    app = await startTestApp('prog_import_refusals', { livekit: false, seedDemo: false });
    orga = await platformOrganiser(app);
  });
  afterAll(() => app.stop());

  const send = (body: unknown, headers: Record<string, string> = {}, query = '') => api(app.url, 'POST', `/api/conferences/import${query}`, { token: orga.token, body, headers });

  it('refusals of the importer, of the body parsers and of the route', async () => {
    const before = await counts(app);
    const entities = await send('<!DOCTYPE s [<!ENTITY a "b">]><schedule>&a;</schedule>', { 'content-type': 'application/xml' });
    expectStatus(entities, 400);
    expect(entities.body.error).toEqual({
      code: 'VALIDATION',
      message: 'not a schedule.xml: it declares entities (<!ENTITY), which Podium does not read',
      details: { field: 'schedule', refusal: { code: 'XML_ENTITIES', params: {} } },
    });

    // The body parsers' own answers stay as every route gives them (compared with POST /api/conferences); only the refusal is added.
    const elsewhere = (body: string) => api(app.url, 'POST', '/api/conferences', { token: orga.token, body, headers: { 'content-type': 'application/json' } });
    const bigJson = JSON.stringify({ schedule: { junk: 'x'.repeat(6 * 1024 * 1024) } });
    const tooLargeJson = await send(bigJson, { 'content-type': 'application/json' });
    expectStatus(tooLargeJson, 413);
    const { details: largeDetails, ...large } = tooLargeJson.body.error;
    expect(large).toEqual((await elsewhere(bigJson)).body.error);
    expect(largeDetails).toEqual({ refusal: { code: 'BODY_TOO_LARGE', params: { maxBytes: 5242880 } } });
    const tooLargeXml = await send(`<schedule>${'x'.repeat(11 * 1024 * 1024)}</schedule>`, { 'content-type': 'application/xml' });
    expectStatus(tooLargeXml, 413);
    expect(tooLargeXml.body.error.details).toEqual({ refusal: { code: 'BODY_TOO_LARGE', params: { maxBytes: 10485760 } } });

    const notJson = await send('{"schedule": {', { 'content-type': 'application/json' });
    expectStatus(notJson, 400);
    const { details: notJsonDetails, ...notJsonError } = notJson.body.error;
    expect(notJsonError).toEqual((await elsewhere('{"schedule": {')).body.error);
    expect(notJsonDetails).toEqual({ refusal: { code: 'BODY_NOT_JSON', params: {} } });
    const deepJson = `{"schedule":${'['.repeat(40)}${']'.repeat(40)}}`;
    const deep = await send(deepJson, { 'content-type': 'application/json' });
    expectStatus(deep, 400);
    const { details: deepDetails, ...deepError } = deep.body.error;
    expect(deepError).toEqual((await elsewhere(deepJson)).body.error);
    expect(deepDetails).toEqual({ refusal: { code: 'BODY_TOO_DEEP', params: { max: 32 } } });

    const publish = await send(readKassel(), {}, '?publish=ja');
    expectStatus(publish, 400);
    expect(publish.body.error).toEqual({ code: 'VALIDATION', message: "publish: 'true' or 'false'", details: { field: 'publish', refusal: { code: 'PUBLISH_INVALID', params: {} } } });
    const slug = await send(readKassel(), {}, '?slug=Kassel_2018');
    expect(slug.body.error.details).toEqual({ field: 'slug', refusal: { code: 'SLUG_INVALID', params: {} } });
    expect(await counts(app)).toEqual(before);

    expectStatus(await send(readKassel(), {}, '?slug=kassel-zweimal'), 201);
    const taken = await send(readKassel(), {}, '?slug=kassel-zweimal');
    expectStatus(taken, 409);
    expect(taken.body.error).toEqual({
      code: 'CONFLICT',
      message: 'slug: a conference "kassel-zweimal" already exists; pass ?slug= to import under another name',
      details: { field: 'slug', slug: 'kassel-zweimal', refusal: { code: 'SLUG_TAKEN', params: { slug: 'kassel-zweimal' } } },
    });
  });
});
