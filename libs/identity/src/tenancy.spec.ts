import { personEditProblem } from './tenancy';

const organiser = { platformOrganiser: false };
const platform = { platformOrganiser: true };

describe('who may edit a person through a conference', () => {
  it('lets a conference organiser edit a person who is theirs alone', () => {
    expect(personEditProblem({ belongsHere: true, belongsElsewhere: false, platformOrganiser: false }, organiser)).toBeNull();
  });

  it('refuses a person who also appears in another conference, or organises the platform', () => {
    expect(personEditProblem({ belongsHere: true, belongsElsewhere: true, platformOrganiser: false }, organiser)).toBe('shared');
    expect(personEditProblem({ belongsHere: true, belongsElsewhere: false, platformOrganiser: true }, organiser)).toBe('shared');
  });

  it('hides a person who is not of this conference at all', () => {
    expect(personEditProblem({ belongsHere: false, belongsElsewhere: true, platformOrganiser: false }, organiser)).toBe('not-found');
    expect(personEditProblem({ belongsHere: false, belongsElsewhere: false, platformOrganiser: true }, platform)).toBe('not-found');
  });

  it('lets a platform organiser edit anybody of the conference', () => {
    expect(personEditProblem({ belongsHere: true, belongsElsewhere: true, platformOrganiser: true }, platform)).toBeNull();
  });
});
