import { createEngine, isRejected } from '@strive/engine';
import { createSqliteEventStore } from '@strive/store-sqlite';
import { leaveCommands } from './leaveCommands.js';
import { leaveProjection } from './leaveProjection.js';

// The consumer app: three commands on a SQLite file, one refused, then the leave list.
const store = createSqliteEventStore({ path: process.argv[2] ?? 'leave.db' });
try {
  const engine = createEngine({ store, commands: leaveCommands, projections: [leaveProjection] });
  const at = '2026-05-04T09:00:00Z';
  const ana = { id: 'ana', role: 'employee' };
  const bo = { id: 'bo', role: 'manager' };
  const commands = [
    { type: 'RequestLeave', id: 'c1', at, actor: ana, leaveId: '1', employeeId: 'ana', days: 3 },
    { type: 'ApproveLeave', id: 'c2', at, actor: ana, leaveId: '1', approverId: 'ana' },
    { type: 'ApproveLeave', id: 'c3', at, actor: bo, leaveId: '1', approverId: 'bo' },
  ];
  for (const command of commands) {
    const outcome = await engine.handle(command);
    console.log(
      isRejected(outcome)
        ? `${command.id} refused: ${outcome.failures.map((f) => f.ruleId).join(', ')}`
        : `${command.id} ${outcome._tag}`,
    );
  }
  const leaves = await engine.project(leaveProjection);
  for (const { key, value } of await leaves.all())
    console.log(`${key}: ${value.employeeId}, ${value.days} days, approved by ${value.approvedBy}`);
} finally {
  await store.close();
}
