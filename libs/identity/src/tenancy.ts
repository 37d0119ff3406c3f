/**
 * People are platform accounts shared by conferences. A conference organiser changes a person's
 * shared fields (name, function, organisation) only while that person is theirs alone.
 */
export interface PersonTenancy {
  /** Holds a role in this conference, is on one of its sessions or on its programme. */
  belongsHere: boolean;
  /** Holds a role in, or is on a session or the programme of, any other conference. */
  belongsElsewhere: boolean;
  /** Organises the whole platform. */
  platformOrganiser: boolean;
}

export type PersonEditProblem = 'not-found' | 'shared' | null;

/** Why the caller may not edit or remove this person through this conference, or null when they may (platform organisers: anybody of it). */
export function personEditProblem(person: PersonTenancy, editor: { platformOrganiser: boolean }): PersonEditProblem {
  if (!person.belongsHere) return 'not-found';
  if (editor.platformOrganiser) return null;
  if (person.belongsElsewhere || person.platformOrganiser) return 'shared';
  return null;
}
