import type { OrgKind, Portfolio, Role } from '../contracts/roles.js';

/**
 * Who may do what (DOMAIN.md §2). Pure: the caller passes the actor's roles in the organisation they are
 * working in and the resource's place in the tree; nothing here reads the database.
 */
export const ACTIONS = [
  'org.read',
  'org.create',
  'org.manageGroups',
  'org.manageRoles',
  'member.list',
  'member.read',
  'member.readPhone',
  'member.readIdCard',
  'member.create',
  'member.update',
  'member.retire',
  'member.transferOut',
  'member.import',
  'member.export',
  'audit.read',
  'user.resetPassword',
  'dashboard.read',
  'plan.read',
  'plan.manage',
  'activity.read',
  'activity.manage',
  'care.read',
  'care.register',
  'care.visit',
  'care.manage',
  'care.override',
  'hardship.read',
  'hardship.manage',
  'hardship.approve',
  'health.read',
  'health.manage',
  'congress.read',
  'congress.manage',
  'proposal.review',
  'proposal.handle',
  'evaluation.read',
  'evaluation.manage',
  'election.read',
  'election.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActorRole {
  role: Role;
  portfolio: Portfolio | '';
}

/** The person acting, in the organisation currently selected in the switcher. */
export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
  /** The organisation the actor works in now; null for a platform admin with no organisation role. */
  org: { id: string; path: string; kind: OrgKind } | null;
  /** Roles held in that organisation. */
  roles: ActorRole[];
}

/** What an action is about: an organisation node, or a member file placed in the tree. */
export type Resource =
  | { type: 'org'; path: string }
  | { type: 'member'; orgPath: string; groupPath: string | null; userId: string | null }
  | { type: 'none' };

const LEADERS: Role[] = ['chair', 'vice_chair'];

function has(actor: Actor, roles: Role[], portfolios?: Portfolio[]): boolean {
  return actor.roles.some(
    (r) => roles.includes(r.role) && (portfolios === undefined || portfolios.includes(r.portfolio as Portfolio)),
  );
}

/** Is the resource inside the subtree of the actor's current organisation? */
function isInScope(actor: Actor, resource: Resource): boolean {
  if (!actor.org) return false;
  const base = actor.org.path;
  switch (resource.type) {
    case 'none':
      return true;
    case 'org':
      return resource.path.startsWith(base);
    case 'member':
      if (resource.orgPath === base) return true;
      // A role in a sub-union or group reaches the members of the groups beneath it.
      return resource.groupPath !== null && resource.groupPath.startsWith(base) && resource.orgPath.length < base.length;
  }
}

function isOwnNode(actor: Actor, resource: Resource): boolean {
  return resource.type === 'org' && resource.path === actor.org?.path;
}

function isSelf(actor: Actor, resource: Resource): boolean {
  return resource.type === 'member' && resource.userId !== null && resource.userId === actor.userId;
}

const ROSTER_EDITORS = (a: Actor) => has(a, LEADERS) || has(a, ['committee'], ['组织']);
const ROSTER_READERS = (a: Actor) => ROSTER_EDITORS(a) || has(a, ['committee', 'group_leader']);
const isUnion = (a: Actor) => a.org !== null && a.org.kind !== 'parent';
/** Care happens in a grassroots union (leaders, committee) or in one of its union groups (the group leader). */
const isCareOrg = (a: Actor) => a.org !== null && (a.org.kind === 'grassroots' || a.org.kind === 'group');
const CARE_WORKERS = (a: Actor) => has(a, LEADERS) || has(a, ['committee']) || has(a, ['group_leader']);
/** Hardship files and amounts: the chair and the 生活福利 committee member, nobody else (DOMAIN.md §2, PIPL). */
const HARDSHIP_KEEPERS = (a: Actor) => has(a, ['chair']) || has(a, ['committee'], ['生活福利']);
/** Women's health data: the chair and the 女工 committee member. */
const HEALTH_KEEPERS = (a: Actor) => has(a, ['chair']) || has(a, ['committee'], ['女工']);

/** True when the actor may perform the action on the resource. */
export function can(actor: Actor, action: Action, resource: Resource = { type: 'none' }): boolean {
  if (action === 'org.create') return actor.isPlatformAdmin;
  if (action === 'org.read' && actor.isPlatformAdmin) return true;
  if (action === 'user.resetPassword' && actor.isPlatformAdmin) return true;
  if (action === 'member.read' && isSelf(actor, resource)) return true;
  // A union's plan and calendar are read by everyone with a role in it, and from the organisations beneath it.
  if (action === 'plan.read') return actor.roles.length > 0 && resource.type === 'org' && actor.org !== null && actor.org.path.startsWith(resource.path);
  if ((action === 'member.readPhone' || action === 'member.readIdCard') && isSelf(actor, resource)) return true;
  // A member registers their own care event and reads their own care records and hardship file.
  if ((action === 'care.register' || action === 'care.read' || action === 'hardship.read') && isSelf(actor, resource)) return true;
  if (!isInScope(actor, resource)) return false;
  switch (action) {
    case 'org.read':
    case 'dashboard.read':
      return actor.roles.length > 0;
    case 'org.manageGroups':
    case 'org.manageRoles':
      // A parent union is a separate organisation: its leaders manage their own node, not a school's inside.
      if (actor.org!.kind === 'parent') return action === 'org.manageRoles' && isOwnNode(actor, resource) && has(actor, LEADERS);
      return has(actor, LEADERS) && actor.org!.kind !== 'group';
    case 'member.list':
    case 'member.read':
    case 'member.export':
      return isUnion(actor) && ROSTER_READERS(actor);
    case 'member.readPhone':
      return isUnion(actor) && (ROSTER_EDITORS(actor) || has(actor, ['group_leader']) || has(actor, ['committee'], ['生活福利', '女工']));
    case 'member.readIdCard':
      return isUnion(actor) && ROSTER_EDITORS(actor);
    case 'member.create':
    case 'member.update':
    case 'member.retire':
    case 'member.transferOut':
    case 'member.import':
      return isUnion(actor) && actor.org!.kind === 'grassroots' && ROSTER_EDITORS(actor);
    case 'audit.read':
      return has(actor, LEADERS) || has(actor, ['parent_admin']);
    case 'activity.read':
      // Activities live in a grassroots union; everyone with a role there sees the ones open to them.
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && actor.roles.length > 0;
    case 'activity.manage':
      // Publishing, rosters, attendance and figures: the union's leaders and committee members.
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && (has(actor, LEADERS) || has(actor, ['committee']));
    case 'plan.manage':
      // The organisation's own plan and calendar: its leaders and committee members write them.
      return isOwnNode(actor, resource) && actor.org!.kind !== 'group' && (has(actor, LEADERS) || has(actor, ['committee']));
    case 'care.read':
    case 'care.register':
    case 'care.visit':
      // Events and visits: the union's leaders and committee; a group leader (working in the group) for its members.
      return isCareOrg(actor) && CARE_WORKERS(actor);
    case 'care.manage':
      // Standards and caps, festival campaigns, reports: the union's leaders and committee, in the union itself.
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && (has(actor, LEADERS) || has(actor, ['committee']));
    case 'care.override':
      // Going past a cap needs the chair (DOMAIN.md: "the chair's override with a reason").
      return actor.org!.kind === 'grassroots' && has(actor, ['chair']);
    case 'hardship.read':
    case 'hardship.manage':
      return actor.org!.kind === 'grassroots' && HARDSHIP_KEEPERS(actor);
    case 'hardship.approve':
      return actor.org!.kind === 'grassroots' && has(actor, ['chair']);
    case 'health.read':
    case 'health.manage':
      return actor.org!.kind === 'grassroots' && HEALTH_KEEPERS(actor);
    case 'congress.read':
      // The congress of the union: everyone with a role there sees its sessions, agendas and results; whether they
      // may vote, propose or co-sign depends on being a representative of the term (data, checked by the server).
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && actor.roles.length > 0;
    case 'congress.manage':
      // Terms, representatives, sessions, attendance, votes and paper ballots: the leaders and the 组织 member.
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && (has(actor, LEADERS) || has(actor, ['committee'], ['组织']));
    case 'proposal.review':
      // The proposals committee (提案工作委员会): review, assign, supervise, figures and the handling report.
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && (has(actor, LEADERS) || has(actor, ['committee'], ['提案']));
    case 'proposal.handle':
      // A department answering what is assigned to it (only those proposals: checked per proposal).
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && has(actor, ['handler']);
    case 'evaluation.read':
    case 'election.read':
      // Everyone with a role in the union sees the evaluations and elections they may take part in; whether they
      // may vote depends on the roll (data, checked by the server).
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && actor.roles.length > 0;
    case 'evaluation.manage':
    case 'election.manage':
      // Setting up, the roll, opening and closing, paper ballots and counting: the leaders and the 组织 member.
      return isOwnNode(actor, resource) && actor.org!.kind === 'grassroots' && (has(actor, LEADERS) || has(actor, ['committee'], ['组织']));
    case 'user.resetPassword':
      // Password resets stay inside a union; a parent union's leaders do not reach schools' accounts.
      return has(actor, LEADERS) && actor.org!.kind !== 'parent';
    default:
      return assertNever(action);
  }
}

/** Exhaustiveness guard for switches over string-literal unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}
