/** A JSON command of docs/campaign.md, as a line of a commands file holds it. */
export type Command = Record<string, unknown> & { readonly type: string; readonly id: string };

/** An actor of docs/campaign.md. */
export interface ActorRef {
  readonly id: string;
  readonly role: 'committee' | 'secretary' | 'member' | 'public';
}

/** A subject reference of docs/campaign.md. */
export interface SubjectRef {
  readonly kind: 'organization' | 'member';
  readonly id: string;
}

export const committee: ActorRef = { id: 'rel-committee', role: 'committee' };
export const secretary = (orgId: string): ActorRef => ({ id: `s-${orgId}`, role: 'secretary' });
export const member = (memberId: string): ActorRef => ({ id: memberId, role: 'member' });
export const citizen = (n: number): ActorRef => ({ id: `p${n}`, role: 'public' });
export const org = (id: string): SubjectRef => ({ kind: 'organization', id });
export const mem = (id: string): SubjectRef => ({ kind: 'member', id });

const ORG_CRITERIA = [
  'leadershipTeam',
  'memberTeam',
  'workMechanism',
  'workPerformance',
  'publicFeedback',
] as const;
const MEMBER_CRITERIA = ['learning', 'dedication', 'service', 'lawAbiding', 'integrity'] as const;

/** Ratings of all five criteria of a subject's kind, each `grade`. Pure. */
export const ratings = (kind: SubjectRef['kind'], grade = 'excellent'): Record<string, string> =>
  Object.fromEntries(
    (kind === 'organization' ? ORG_CRITERIA : MEMBER_CRITERIA).map((c) => [c, grade]),
  );

const iso = (ms: number): string =>
  `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/**
 * Writes campaign commands with increasing ids and business times (one minute apart unless told),
 * starting on 2010-05-10 09:00 +08:00. Pure apart from its own counters.
 */
export class CampaignScript {
  private n = 0;
  private t = Date.UTC(2010, 4, 10, 1, 0, 0);
  readonly commands: Command[] = [];

  constructor(
    readonly campaignId: string,
    readonly prefix = 'k',
  ) {}

  /** The business time of the next command. */
  now(): string {
    return iso(this.t);
  }

  /** Moves the clock on by some days. */
  days(d: number): this {
    this.t += d * 86_400_000;
    return this;
  }

  /** A command (not recorded in `commands`), with the next id and time. */
  make(type: string, actor: ActorRef, fields: Record<string, unknown> = {}): Command {
    this.n += 1;
    this.t += 60_000;
    return {
      type,
      id: `${this.prefix}${this.n}`,
      at: iso(this.t),
      actor: { ...actor },
      campaignId: this.campaignId,
      ...fields,
    };
  }

  /** Records a command in `commands` and returns it. */
  add(type: string, actor: ActorRef, fields: Record<string, unknown> = {}): Command {
    const c = this.make(type, actor, fields);
    this.commands.push(c);
    return c;
  }

  launch(): this {
    this.add('LaunchCampaign', committee, {
      title: 'Create advanced organizations, strive to be excellent members',
      endsAt: '2012-12-31T23:59:59+08:00',
      objectives: ['serve the people'],
      principles: ['seek real results'],
    });
    return this;
  }

  /** Launch, opinions and leading group: a campaign in `mobilizing`. */
  mobilize(policy?: Record<string, unknown>): this {
    this.launch();
    this.add('PublishImplementationOpinions', committee, {
      document: { title: 'Implementation opinions', issuedBy: 'City committee' },
      ...(policy === undefined ? {} : { policy }),
    });
    this.add('EstablishLeadingGroup', committee, {
      members: [{ id: 'lg1', name: 'Wang Lin', title: 'deputy secretary' }],
    });
    return this;
  }

  enrollOrg(orgId: string, withSecretary = true): this {
    this.add('EnrollOrganization', committee, {
      orgId,
      name: `Organization ${orgId}`,
      category: 'community',
      ...(withSecretary ? { secretary: { id: `s-${orgId}`, name: `Secretary ${orgId}` } } : {}),
    });
    return this;
  }

  enrollMember(memberId: string, orgId: string): this {
    this.add('EnrollMember', committee, { memberId, orgId, name: `Member ${memberId}` });
    return this;
  }

  advance(to: string): this {
    this.add('AdvancePhase', committee, { to });
    return this;
  }

  /** The fields of a `PublishCommitment` of a subject, one concrete pledge due at the end of 2010. */
  commitmentFields(subject: SubjectRef): Record<string, unknown> {
    return {
      subject: { ...subject },
      pledges: [
        {
          id: `${subject.id}-p1`,
          text: 'Open a service hall',
          centralTask: 'serve the people',
          target: { metric: 'halls opened', value: 1 },
          due: '2010-12-31T00:00:00+08:00',
        },
      ],
    };
  }

  commit(subject: SubjectRef): this {
    const actor = subject.kind === 'organization' ? secretary(subject.id) : member(subject.id);
    this.add('PublishCommitment', actor, this.commitmentFields(subject));
    return this;
  }

  evaluate(subject: SubjectRef, evaluator: number, grade = 'excellent'): this {
    this.add('SubmitEvaluation', citizen(evaluator), {
      subject: { ...subject },
      evaluatorId: `p${evaluator}`,
      ratings: ratings(subject.kind, grade),
    });
    return this;
  }

  nominate(subject: SubjectRef): this {
    this.add('Nominate', committee, { subject: { ...subject } });
    return this;
  }

  recommend(subject: SubjectRef, voter: number): this {
    this.add('Recommend', citizen(voter), { subject: { ...subject } });
    return this;
  }

  startNotice(subject: SubjectRef, days = 7): this {
    this.add('StartPublicNotice', committee, { subject: { ...subject }, days });
    return this;
  }

  fileObjection(subject: SubjectRef, objectionId: string, actor: ActorRef = citizen(900)): this {
    this.add('FileObjection', actor, {
      subject: { ...subject },
      objectionId,
      reason: 'the hall is closed at weekends',
    });
    return this;
  }

  commend(subject: SubjectRef): this {
    this.add('Commend', committee, { subject: { ...subject } });
    return this;
  }
}
