import { subjectMachine } from '@strive/campaign';
import { describe, expect, it } from 'vitest';
import { machineToMermaid } from '../machineToMermaid.js';
import { highlightDiagram } from './highlightDiagram.js';

const diagram = machineToMermaid(subjectMachine.root);

describe('highlightDiagram', () => {
  it('classes and counts the occupied states of the diagram text', () => {
    const out = highlightDiagram(diagram, { commended: 3, 'under-notice': 1 }, 'subject');
    expect(out.startsWith(diagram.trimEnd())).toBe(true);
    expect(out).toContain('  subject_commended : 3 subjects\n');
    expect(out).toContain('  subject_under_notice : 1 subject\n');
    expect(out).toMatch(/\n {2}class subject_commended,subject_under_notice here\n$/);
  });

  it('ignores states the diagram lacks and empty counts', () => {
    expect(highlightDiagram(diagram, { nowhere: 2, committed: 0 }, 'subject')).toBe(diagram);
  });
});
