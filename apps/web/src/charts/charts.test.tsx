import { summarizeActionPlan, summarizeBudget, summarizeIndicators, summarizeStakeholders, tablePresets, readTypedTable, type TypedTableColumn } from '@canevas/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionTimelineChart } from './ActionTimelineChart.js';
import { fitToWidth, LABEL_FONT, textWidth } from './barScale.js';
import { BudgetChart, budgetBars } from './BudgetChart.js';
import { IndicatorProgressChart } from './IndicatorProgressChart.js';
import { StakeholderMapChart } from './StakeholderMapChart.js';
import { timelineLayout } from './timelineLayout.js';

function table(preset: { kind: string; columns: readonly { id: string; label: string; type: string; enum?: readonly string[] }[] }, rows: Record<string, string>[]) {
  const columns = preset.columns.map((c) => ({ ...c, ...(c.enum ? { enum: [...c.enum] } : {}) })) as TypedTableColumn[];
  return readTypedTable({ kind: preset.kind, columns, sectionId: null, rows });
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

describe('budget chart', () => {
  const budget = summarizeBudget(
    table(tablePresets.budget, [
      { poste: 'Salaires', nature: 'Charge', categorie: 'Personnel', montant: '30 000' },
      { poste: 'Loyer', nature: 'Charge', categorie: 'Fonctionnement', montant: '6 000' },
      { poste: 'État', nature: 'Produit', montant: '20 000', source: 'Subvention publique' },
      { poste: 'Fondation', nature: 'Produit', montant: '10 000', source: 'Mécénat' },
    ]),
  );

  it('draws totals, charges by category and produits by source', () => {
    expect(budgetBars(budget).map((bar) => [bar.group, bar.label, bar.value])).toEqual([
      ['totals', 'Total des charges', 36000],
      ['totals', 'Total des produits', 30000],
      ['charges', 'Personnel', 30000],
      ['charges', 'Fonctionnement', 6000],
      ['produits', 'Mécénat', 10000],
      ['produits', 'Subvention publique', 20000],
    ]);
  });

  it('has a text alternative: a summary naming the gap and a data table', () => {
    const html = renderToStaticMarkup(<BudgetChart budget={budget} />);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+ [^"]+"/);
    expect(text(html)).toContain('36 000,00 € de charges et 30 000,00 € de produits. Il manque 6 000,00 € de produits pour couvrir les charges.');
    expect(html).toContain('<summary>Données du graphique</summary>');
    expect(text(html.replace(/[\u202f\u00a0]/g, ' '))).toContain('Produits par source de financement Mécénat 10 000,00 €');
  });
});

describe('action-plan timeline', () => {
  const plan = summarizeActionPlan(
    table(tablePresets.actionPlan(['Mobilisation', 'Consensus']), [
      { action: 'Porte-à-porte', phase: 'Mobilisation', debut: '01/03/2026', echeance: '31/05/2026', statut: 'En cours' },
      { action: 'Forum', phase: 'Consensus', echeance: '15/09/2026' },
      { action: 'Sans date', phase: 'Consensus' },
    ]),
    '2026-06-15',
  );

  it('lays out phases, actions and a range that includes today', () => {
    const layout = timelineLayout(plan, '2026-06-15');
    expect(layout.rows.map((row) => [row.kind, row.label])).toEqual([
      ['phase', 'Mobilisation'],
      ['action', 'Porte-à-porte'],
      ['phase', 'Consensus'],
      ['action', 'Forum'],
      ['action', 'Sans date'],
    ]);
    expect(layout.start).toBeLessThan(layout.rows[1]!.from!);
    expect(layout.end).toBeGreaterThan(layout.rows[3]!.to!);
    expect(layout.start < layout.today && layout.today < layout.end).toBe(true);
    expect(layout.ticks.map((tick) => tick.label)).toEqual(['mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.']);
    expect(layout.undated.map((action) => action.action)).toEqual(['Sans date']);
  });

  it('marks late actions in the drawing and in words, with a today line', () => {
    const html = renderToStaticMarkup(<ActionTimelineChart plan={plan} today="2026-06-15" />);
    expect(html).toContain('chart__action--late');
    expect(html).toContain('Aujourd’hui');
    expect(text(html)).toContain('3 actions réparties sur 2 phases. 1 action en retard : Porte-à-porte.');
    expect(text(html)).toContain('Porte-à-porte du 01/03/2026 au 31/05/2026 En cours, en retard');
  });
});

describe('stakeholder map', () => {
  it('places stakeholders by level and lists the unqualified ones', () => {
    const map = summarizeStakeholders(
      table(tablePresets.stakeholders, [
        { acteur: 'Mairie', implication: 'Actif' },
        { acteur: 'CCAS', implication: 'Informé' },
        { acteur: 'Pôle emploi' },
      ]),
    );
    const html = text(renderToStaticMarkup(<StakeholderMapChart map={map} />));
    expect(html).toContain('3 parties prenantes par niveau d’implication — absent : 0, informé : 1, consulté : 0, associé : 0, actif : 1. 1 acteur n’a pas de niveau d’implication valide.');
    expect(html).toContain('Non qualifié Pôle emploi');
  });
});

describe('indicator progress', () => {
  it('gives each indicator’s progress against its target', () => {
    const items = summarizeIndicators(
      table(tablePresets.indicators, [
        { indicateur: 'Personnes rencontrées', cible: '120', realise: '132' },
        { indicateur: 'Sorties', cible: '40 %', realise: '10 %' },
        { indicateur: 'Ateliers' },
      ]),
    );
    const html = text(renderToStaticMarkup(<IndicatorProgressChart items={items} />).replace(/[\u202f\u00a0]/g, ' '));
    expect(html).toContain('3 indicateurs, 2 mesurés par rapport à sa cible, dont 1 atteint.');
    expect(html).toContain('Personnes rencontrées 120 132 110 %');
    expect(html).toContain('Ateliers — — —');
  });
});

describe('labels fit their column', () => {
  const labels = (html: string, className: string) => [...html.matchAll(new RegExp(`class="${className}"[^>]*>([^<]*)<`, 'g'))].map((match) => match[1]!.replace(/&#x27;|&#39;/g, "'"));

  it('cuts a long action at its end, never past the chart’s left edge', () => {
    const plan = summarizeActionPlan(
      table(tablePresets.actionPlan(['Consensus']), [{ action: 'Installer le comité local pour l’emploi et son bureau', phase: 'Consensus', echeance: '15/09/2026' }]),
      '2026-06-15',
    );
    const [label] = labels(renderToStaticMarkup(<ActionTimelineChart plan={plan} today="2026-06-15" />), 'chart__label');
    expect(label).toMatch(/^Installer le comité .*…$/);
    expect(textWidth(label!, LABEL_FONT)).toBeLessThanOrEqual(220 - 8);
  });

  it('shows « cible 400, pas encore mesuré » whole', () => {
    const items = summarizeIndicators(table(tablePresets.indicators, [{ indicateur: 'Emplois créés', cible: '400' }]));
    expect(labels(renderToStaticMarkup(<IndicatorProgressChart items={items} />), 'chart__value')).toEqual(['cible 400, pas encore mesuré']);
  });

  it('keeps a label that fits, and cuts by width rather than by count of characters', () => {
    expect(fitToWidth('Mairie', 100, 12)).toBe('Mairie');
    // As many letters, but wide ones take more room than narrow ones.
    expect(fitToWidth('MMMMMMMMMMMMMMMMMMMM', 100, 12).length).toBeLessThan(fitToWidth('iiiiiiiiiiiiiiiiiiii', 100, 12).length);
    for (const text of ['Subvention de la Direction régionale de l’économie', 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW']) {
      const fitted = fitToWidth(text, 150, 12);
      expect(fitted.endsWith('…')).toBe(true);
      expect(textWidth(fitted, 12)).toBeLessThanOrEqual(150);
    }
  });
});
