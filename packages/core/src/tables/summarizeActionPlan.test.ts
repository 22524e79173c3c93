import { describe, expect, it } from 'vitest';
import { tablePresets } from '../referential/tablePresets.js';
import { summarizeActionPlan } from './summarizeActionPlan.js';
import { tableFixture } from './tableFixture.js';

const PHASES = ['Mobilisation', 'Travaux utiles', 'Consensus', 'Préfiguration'];
const plan = (rows: Record<string, string>[], today = '2026-06-15') =>
  summarizeActionPlan(tableFixture(tablePresets.actionPlan(PHASES), rows), today);

describe('summarizeActionPlan', () => {
  it('lists every phase, even empty, for an empty plan', () => {
    const summary = plan([{}]);
    expect(summary.actions).toEqual([]);
    expect(summary.phases.map((p) => [p.phase, p.actions.length])).toEqual(PHASES.map((p) => [p, 0]));
    expect(summary.late).toEqual([]);
  });

  it('groups actions by phase in the column’s order, then unknown phases, then those without', () => {
    const summary = plan([
      { action: 'Porte-à-porte', phase: 'mobilisation' },
      { action: 'Sans phase' },
      { action: 'Réunion', phase: 'Phase 5' },
      { action: 'Forum', phase: 'Consensus' },
      { action: 'Atelier', phase: 'Mobilisation' },
    ]);
    expect(summary.phases.map((p) => [p.phase, p.known, p.actions.map((a) => a.action)])).toEqual([
      ['Mobilisation', true, ['Porte-à-porte', 'Atelier']],
      ['Travaux utiles', true, []],
      ['Consensus', true, ['Forum']],
      ['Préfiguration', true, []],
      ['Phase 5', false, ['Réunion']],
      [null, false, ['Sans phase']],
    ]);
  });

  it('marks late the actions whose échéance has passed and that are not done or dropped', () => {
    const summary = plan([
      { action: 'Passée en cours', echeance: '14/06/2026', statut: 'En cours' },
      { action: 'Passée sans statut', echeance: '01/01/26' },
      { action: 'Passée terminée', echeance: '14/06/2026', statut: 'Terminée' },
      { action: 'Passée abandonnée', echeance: '14/06/2026', statut: 'abandonnee' },
      { action: 'Aujourd’hui', echeance: '15/06/2026', statut: 'À faire' },
      { action: 'Future', echeance: '16/06/2026' },
      { action: 'Date illisible', echeance: 'bientôt' },
    ]);
    expect(summary.late.map((a) => a.action)).toEqual(['Passée en cours', 'Passée sans statut']);
    expect(summary.actions.find((a) => a.action === 'Passée terminée')).toMatchObject({ done: true, late: false, end: '2026-06-14' });
    expect(summary.actions.find((a) => a.action === 'Date illisible')).not.toHaveProperty('end');
  });

  it('reads start and end dates for the timeline', () => {
    const [action] = plan([{ action: 'A', debut: '01/03/2026', echeance: '30/06/2026', responsable: 'Mairie' }]).actions;
    expect(action).toMatchObject({ start: '2026-03-01', end: '2026-06-30', responsable: 'Mairie', row: 0 });
  });
});
