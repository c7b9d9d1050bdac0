import { afterAll, expect, it } from 'vitest';
import { JsonValueCodec, sealSnapshot } from '../../packages/eventlog/src/index.js';
import { CampaignScript, org } from './support/campaignScript.js';
import { assertBuilt, runCli, tempDir } from './support/paths.js';
import { openRawSqlite } from './support/rawSqlite.js';
import { fileHash, writeCommands } from './support/storeFiles.js';

assertBuilt();
const dir = tempDir();
afterAll(() => dir.remove());

const ORGS = 120;
const CANDIDATES = 10;
const QUOTA = 0.05; // 5% of 120 enrolled organizations: 6 may be commended
const POLICY = {
  commendationQuota: QUOTA,
  criterionSatisfaction: 0.6,
  minEvaluators: 1,
  minNoticeDays: 7,
  minPledges: 1,
  overallSatisfaction: 0.8,
  recommendationShare: 0.5,
  reviewIntervalDays: 90,
};

/** A campaign of 120 organizations, 10 of them through their public notice, and their 10 Commends. */
const script = (): { setup: CampaignScript; commends: CampaignScript } => {
  const k = new CampaignScript('sp2010', 'sp').mobilize(POLICY);
  for (let i = 1; i <= ORGS; i++) k.enrollOrg(`o${i}`);
  k.advance('committing');
  for (let i = 1; i <= CANDIDATES; i++) k.commit(org(`o${i}`));
  k.advance('evaluating');
  for (let i = 1; i <= CANDIDATES; i++) k.evaluate(org(`o${i}`), 1);
  k.advance('commending');
  for (let i = 1; i <= CANDIDATES; i++) k.nominate(org(`o${i}`)).recommend(org(`o${i}`), 1);
  for (let i = 1; i <= CANDIDATES; i++) k.startNotice(org(`o${i}`), 7);
  k.days(8);
  const before = k.commands.length;
  for (let i = 1; i <= CANDIDATES; i++) k.commend(org(`o${i}`));
  const commends = new CampaignScript('sp2010', 'x');
  commends.commands.push(...k.commands.splice(before));
  return { setup: k, commends };
};

/** Builds the store up to the Commends and returns the file. */
const prepared = async (name: string): Promise<{ db: string; commends: string }> => {
  const { setup, commends } = script();
  const db = dir.file(`${name}.db`);
  writeCommands(dir.file(`${name}-setup.jsonl`), setup.commands);
  writeCommands(dir.file(`${name}-commends.jsonl`), commends.commands);
  const r = await runCli(['run', dir.file(`${name}-setup.jsonl`), '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { db, commends: dir.file(`${name}-commends.jsonl`) };
};

const campaignSnapshot = (db: string): { key: string; position: number; state: string } => {
  const raw = openRawSqlite(db);
  try {
    const row = raw
      .prepare(
        "SELECT key, stream_position, state FROM snapshots WHERE stream_id = 'campaign-sp2010'",
      )
      .get();
    if (typeof row !== 'object' || row === null) throw new Error('no campaign snapshot was saved');
    return {
      key: String(Reflect.get(row, 'key')),
      position: Number(Reflect.get(row, 'stream_position')),
      state: String(Reflect.get(row, 'state')),
    };
  } finally {
    raw.close();
  }
};

const commended = async (
  db: string,
  commends: string,
): Promise<{ accepted: number; quota: number }> => {
  const r = await runCli(['run', commends, '--db', db, '--json']);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l): unknown => JSON.parse(l));
  const accepted = lines.filter((l) => Reflect.get(Object(l), 'ok') === true).length;
  const quota = (r.stdout.match(/commendation\.quota/g) ?? []).length;
  return { accepted, quota };
};

it('ignores and rebuilds a snapshot whose state was edited: the logged quota holds (6 of 10 commended)', async () => {
  const { db, commends } = await prepared('edited');
  const snap = campaignSnapshot(db);
  expect(snap.position).toBeGreaterThanOrEqual(100);
  expect(snap.state).toContain(`"commendationQuota":${QUOTA}`);
  // The attack of issue 21, finding 1: the quota edited in place in the stored snapshot.
  const raw = openRawSqlite(db);
  const edited = raw
    .prepare(
      `UPDATE snapshots SET state = replace(state, '"commendationQuota":${QUOTA}', '"commendationQuota":1')
       WHERE stream_id = 'campaign-sp2010'`,
    )
    .run().changes;
  raw.close();
  expect(edited).toBe(1);
  const { accepted, quota } = await commended(db, commends);
  expect(accepted).toBe(6);
  expect(quota).toBeGreaterThanOrEqual(4);
  // The edited snapshot was rebuilt from the log; everything verifies.
  expect(campaignSnapshot(db).state).not.toContain('"commendationQuota":1,');
  const v = await runCli(['verify', '--db', db]);
  expect(v.code).toBe(0);
  console.log(
    `snapshot poisoning (edited state, digest no longer matches): campaign snapshot at position ${snap.position} edited to quota 100%; ${accepted} of ${CANDIDATES} Commends accepted (${QUOTA * 100}% of ${ORGS} = 6 allowed), snapshot rebuilt, verify: ${v.stdout.trim()}`,
  );
});

it('verify names a snapshot resealed by an attacker who recomputed its digest, and changes no byte', async () => {
  const { db } = await prepared('resealed');
  const snap = campaignSnapshot(db);
  const raw = openRawSqlite(db);
  const row = raw
    .prepare("SELECT event_hash FROM snapshots WHERE stream_id = 'campaign-sp2010'")
    .get();
  const eventHash = String(Reflect.get(Object(row), 'event_hash'));
  const decoded = JsonValueCodec.decode(
    JSON.parse(snap.state.replace(`"commendationQuota":${QUOTA}`, '"commendationQuota":1')),
  );
  if (decoded._tag === 'Left') throw new Error('the snapshot state is not JSON');
  const state = decoded.right;
  const forged = sealSnapshot({
    streamId: 'campaign-sp2010',
    key: snap.key,
    streamPosition: snap.position,
    eventHash,
    state,
  });
  raw
    .prepare("UPDATE snapshots SET state = ?, digest = ? WHERE stream_id = 'campaign-sp2010'")
    .run(JSON.stringify(forged.state), forged.digest);
  raw.close();
  const before = fileHash(db);
  const v = await runCli(['verify', '--db', db]);
  expect(v.code).toBe(1);
  expect(v.stdout).toContain(
    `snapshot of campaign-sp2010 (campaign) at position ${snap.position} differs from the log: its state differs from the state re-derived from the log`,
  );
  const chainOnly = await runCli(['verify', '--chain-only', '--db', db]);
  expect(chainOnly.code).toBe(0);
  expect(chainOnly.stdout).toContain('snapshots and read models NOT checked');
  expect(fileHash(db)).toBe(before);
  console.log(
    `snapshot poisoning (resealed with a recomputed digest): verify exit ${v.code}: ${v.stdout.trim()}; --chain-only exit ${chainOnly.code} says "${chainOnly.stdout.trim()}"; file hash unchanged`,
  );
});
