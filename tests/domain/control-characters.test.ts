import { describe, expect, it } from 'vitest';
import { controlCharacterIssues } from '../../shared/domain/control-characters.js';

describe('controlCharacterIssues', () => {
  it('names each string and key that holds a control character by its JSON path, and nothing else', () => {
    const input = {
      title: 'fine\ttab\nand line feed',
      controls: [{ uid: 'c-1', notes: ['ok', 'bell\u0007'] }, { 'odd key': 'nul\u0000' }],
      'key\u0001': 'x',
      nested: { deeper: { text: 'C1 \u0085 next line' } },
    };
    expect(controlCharacterIssues(input)).toEqual([
      { path: '$.controls[0].notes[1]', message: 'contains a control character (U+0007); remove it' },
      { path: '$.controls[1]["odd key"]', message: 'contains a control character (U+0000); remove it' },
      { path: '$', message: 'has a key with a control character ("key\\u0001")' },
      { path: '$.nested.deeper.text', message: 'contains a control character (U+0085); remove it' },
    ]);
  });

  it('starts from the given path and stops at the limit', () => {
    const many = Array.from({ length: 50 }, (_, i) => `bad\u0000${i}`);
    const issues = controlCharacterIssues(many, 'input', 3);
    expect(issues.map((i) => i.path)).toEqual(['input[0]', 'input[1]', 'input[2]']);
    expect(controlCharacterIssues({ a: [1, true, null, 'clean'] })).toEqual([]);
  });
});
