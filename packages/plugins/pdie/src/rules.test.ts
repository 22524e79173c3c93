import {
  evaluateCompleteness,
  manifestSchema,
  templateToProseMirrorJSON,
  type ProseMirrorJSON,
  type ReferentialManifest,
} from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { SECTION } from './ids.js';
import { pdieReferential } from './index.js';

const manifest: ReferentialManifest = manifestSchema.parse(pdieReferential);
const template = manifest.templates[0]!;

/** Sets the target of each indicator row, in order (undefined leaves it blank). */
function withTargets(targets: (string | undefined)[]): ProseMirrorJSON {
  const doc = templateToProseMirrorJSON(template);
  let row = 0;
  return {
    ...doc,
    content: doc.content!.map((node) => {
      if (node.type !== 'typedTable' || node.attrs?.sectionId !== SECTION.indicateurs) return node;
      return {
        ...node,
        content: node.content!.map((tableRow) => {
          const target = targets[row++];
          return {
            ...tableRow,
            content: tableRow.content!.map((cell) =>
              cell.attrs?.column === 'cible' && target ? { ...cell, content: [{ type: 'text', text: target }] } : cell,
            ),
          };
        }),
      };
    }),
  };
}

const targetMessages = (content: ProseMirrorJSON) =>
  evaluateCompleteness({ manifest, templateId: template.id, content, evidence: [], assessments: [] })
    .missing.filter((item) => item.ruleId === `${template.id}.indicateurs.cibles`)
    .map((item) => item.message);

describe('PDIE rules on typed tables', () => {
  const indicators = templateToProseMirrorJSON(template).content!.find((n) => n.type === 'typedTable' && n.attrs?.sectionId === SECTION.indicateurs)!
    .content!.length;

  it('every indicator of the fiche needs a target', () => {
    expect(indicators).toBeGreaterThan(1);
    // The fiche's indicators are listed from the start, none with a target: one message each.
    expect(targetMessages(withTargets([]))).toHaveLength(indicators);
    const allButLast = Array.from({ length: indicators }, (_, i) => (i === indicators - 1 ? undefined : `${10 * (i + 1)} participants`));
    expect(targetMessages(withTargets(allButLast))).toHaveLength(1);
    expect(targetMessages(withTargets(Array.from({ length: indicators }, () => '80 %')))).toEqual([]);
  });
});
