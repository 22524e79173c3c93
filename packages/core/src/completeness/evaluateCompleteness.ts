import type {
  CompletenessRule,
  ReferentialManifest,
  ReferentialNode,
  Template,
  TemplateSection,
} from '../referential/manifestSchema.js';
import type { Assessment } from '../review/Assessment.js';
import type { EvidenceLink } from '../review/EvidenceLink.js';
import type { ProseMirrorJSON } from '../schema/documentContent.js';
import type {
  CompletenessReport,
  CriterionAssessment,
  CriterionReport,
  CriterionStatus,
  Decision,
  MissingItem,
  SectionSummary,
} from './CompletenessReport.js';
import { agree, countedNoun, describeNode } from './describeNode.js';
import { isProficient, levelLabel, requiredLevel, scaleOf } from '../review/assessmentScale.js';
import { extractOutline, type DocumentOutline, type OutlineTable } from './documentOutline.js';
import { descendantsOf, manifestIndex, type ManifestIndex } from './manifestIndex.js';
import { normalizeText } from './normalizeText.js';
import { formatEuros } from './parseFrenchAmount.js';
import type { RuleFunction } from './RuleFunction.js';
import type { TypedTableColumn } from '../schema/typedTable.js';
import { readCell } from '../tables/readCell.js';
import { readTypedTable } from '../tables/readTypedTable.js';
import { summarizeBudget } from '../tables/summarizeBudget.js';
import type { TypedTableData } from '../tables/TableModel.js';

export interface CompletenessInput {
  /** A validated manifest (see `validateManifest`). */
  manifest: ReferentialManifest;
  /** The template the document was created from; template-bound rules apply only to it. */
  templateId?: string;
  content: ProseMirrorJSON;
  evidence: readonly EvidenceLink[];
  assessments: readonly Assessment[];
  now?: Date;
  /** The functions that `custom` rules name, as code plugins registered them. */
  ruleFunctions?: ReadonlyMap<string, RuleFunction> | Readonly<Record<string, RuleFunction>>;
}

function plural(count: number, singular: string, pluralForm: string): string {
  // French: 0 and 1 take the singular.
  return `${count} ${count <= 1 ? singular : pluralForm}`;
}

const TRAILING_LINK_WORDS = /\s+(?:de|des|du|la|le|les|à|au|aux|et|en|d’|l’|d'|l')$/i;

/** Keeps long labels (TZCLD phases) readable in a one-line message. */
function shorten(text: string, max = 30): string {
  if (text.length <= max + 10) return text;
  const cut = text.lastIndexOf(' ', max);
  let head = text.slice(0, cut > 0 ? cut : max);
  while (TRAILING_LINK_WORDS.test(head)) head = head.replace(TRAILING_LINK_WORDS, '');
  return `${head}…`;
}

/**
 * Says what a document still lacks for its referential: each criterion's status, the missing
 * items explained in French, a score and the decision. Pure and linear in the document size, so
 * the panel can run it on every change.
 */
export function evaluateCompleteness(input: CompletenessInput): CompletenessReport {
  const { manifest, templateId, content, evidence, assessments } = input;
  const now = input.now ?? new Date();
  const index = manifestIndex(manifest);
  const template = templateId === undefined ? undefined : manifest.templates.find((t) => t.id === templateId);
  const outline = extractOutline(content, template);
  const functions = input.ruleFunctions;
  const ruleFunction = (name: string): RuleFunction | undefined =>
    functions instanceof Map ? functions.get(name) : (functions as Record<string, RuleFunction> | undefined)?.[name];

  const ownEvidence = new Map<string, number>();
  for (const link of evidence) {
    if (link.status === 'attached') ownEvidence.set(link.nodeId, (ownEvidence.get(link.nodeId) ?? 0) + 1);
  }
  const subtreeEvidence = new Map<string, number>();
  for (let i = index.ordered.length - 1; i >= 0; i--) {
    const node = index.ordered[i]!;
    let count = ownEvidence.get(node.id) ?? 0;
    for (const child of index.children.get(node.id) ?? []) count += subtreeEvidence.get(child.id) ?? 0;
    subtreeEvidence.set(node.id, count);
  }

  const latest = new Map<string, Assessment>();
  for (const assessment of assessments) {
    const previous = latest.get(assessment.nodeId);
    if (!previous || Date.parse(assessment.at) >= Date.parse(previous.at)) latest.set(assessment.nodeId, assessment);
  }
  const assessmentOf = (node: ReferentialNode): CriterionAssessment | undefined => {
    const found = latest.get(node.id);
    if (!found) return undefined;
    const scale = scaleOf(manifest, node);
    return {
      level: found.level,
      label: levelLabel(scale, found.level),
      proficient: isProficient(scale, found.level),
      ...(requiredLevel(scale) ? { requiredLabel: requiredLevel(scale)!.label } : {}),
      by: found.by,
      at: found.at,
    };
  };

  let total = 0;
  let satisfied = 0;
  const missing: MissingItem[] = [];
  const unfilledSections = new Set<string>();
  const requiredEvidence = new Map<string, number>();

  const check = (rule: CompletenessRule, ok: boolean, message: string, nodeIds: string[] = [], sectionIds: string[] = []) => {
    total++;
    if (ok) {
      satisfied++;
      return;
    }
    missing.push({ ruleId: rule.id, severity: rule.severity, nodeIds, sectionIds, message: rule.message ?? message });
  };

  const sectionOf = (id: string): TemplateSection | undefined => template?.sections.find((s) => s.id === id);
  const headingOf = (id: string) => sectionOf(id)?.heading ?? id;

  for (const rule of manifest.rules) {
    if ('template' in rule && rule.template !== templateId) continue;
    switch (rule.type) {
      case 'section_filled': {
        const targets = rule.section !== undefined ? [rule.section] : (template?.sections.map((s) => s.id) ?? []);
        const min = Math.max(rule.minWords, 1);
        for (const id of targets) {
          const found = outline.sections.get(id);
          const words = found?.words ?? 0;
          const ok = found !== undefined && words >= min;
          if (!ok) unfilledSections.add(id);
          const message = found === undefined
            ? `La section « ${headingOf(id)} » est absente du document.`
            : rule.minWords <= 1
              ? `La section « ${headingOf(id)} » est vide.`
              : `La section « ${headingOf(id)} » compte ${plural(words, 'mot', 'mots')} sur les ${rule.minWords} attendus.`;
          check(rule, ok, message, sectionOf(id)?.nodes ?? [], [id]);
        }
        break;
      }
      case 'evidence_min': {
        const targets = rule.nodes
          ? rule.nodes.map((id) => index.nodes.get(id)).filter((n): n is ReferentialNode => n !== undefined)
          : index.ordered.filter((n) => (rule.nodeType ? n.type === rule.nodeType : n.assessable));
        for (const node of targets) {
          requiredEvidence.set(node.id, Math.max(requiredEvidence.get(node.id) ?? 0, rule.count));
          const count = subtreeEvidence.get(node.id) ?? 0;
          const message = count === 0
            ? `${describeNode(node)} n’a aucune preuve liée.`
            : `${describeNode(node)} a ${plural(count, 'preuve liée', 'preuves liées')} sur les ${rule.count} ${rule.count <= 1 ? 'attendue' : 'attendues'}.`;
          check(rule, count >= rule.count, message, [node.id]);
        }
        break;
      }
      case 'table_check':
        applyTableCheck(rule, outline, template, check);
        break;
      case 'all_children': {
        const root = index.nodes.get(rule.node);
        if (!root) break;
        for (const node of [root, ...descendantsOf(index, root.id)]) {
          // The rule is about the children; the root counts only when it is itself a leaf.
          if (!node.assessable || (node === root && (index.children.get(root.id)?.length ?? 0) > 0)) continue;
          const assessment = assessmentOf(node);
          const scale = scaleOf(manifest, node);
          const levels = scale === undefined ? undefined : index.levelIndex.get(scale.id);
          const target = levels?.get(rule.level);
          const reached = assessment === undefined ? undefined : levels?.get(assessment.level);
          const ok = target !== undefined && reached !== undefined && reached >= target;
          const targetLabel = target === undefined ? rule.level : scale!.levels[target]!.label;
          const message = assessment === undefined
            ? `${describeNode(node)} n’est pas encore ${agree(node, 'évalué')} (niveau attendu : « ${targetLabel} »).`
            : `${describeNode(node)} est ${agree(node, 'évalué')} « ${assessment.label} », en dessous du niveau « ${targetLabel} ».`;
          check(rule, ok, message, [node.id]);
        }
        break;
      }
      case 'measure_set': {
        const sections = rule.section !== undefined
          ? [rule.section]
          : (template?.sections.filter((s) => s.table?.kind === 'indicators').map((s) => s.id) ?? []);
        for (const id of sections) {
          const table = outline.sections.get(id)?.tables[0];
          if (!table || table.rows.length === 0) {
            check(rule, false, `Le tableau « ${headingOf(id)} » n’a aucun indicateur.`, [], [id]);
            continue;
          }
          const nameColumn = table.columns[0] ?? rule.column;
          const columnLabel = columnLabelOf(sectionOf(id), rule.column).toLowerCase();
          table.rows.forEach((row, i) => {
            const name = row[nameColumn] || `ligne ${i + 1}`;
            check(rule, (row[rule.column] ?? '') !== '', `L’indicateur « ${name} » n’a pas de ${columnLabel}.`, [], [id]);
          });
        }
        break;
      }
      case 'custom': {
        const fn = ruleFunction(rule.fn);
        if (!fn) {
          check(rule, false, `La règle « ${rule.id} » utilise la fonction « ${rule.fn} », qu’aucun plugin n’a enregistrée.`);
          break;
        }
        let outcomes;
        try {
          const result = fn({ manifest, rule, params: rule.params ?? {}, template, outline, evidence, assessments, now });
          outcomes = Array.isArray(result) ? result : [result];
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          check(rule, false, `La règle « ${rule.id} » a échoué : ${reason}`);
          break;
        }
        for (const outcome of outcomes) {
          check(rule, outcome.ok, outcome.message ?? `La règle « ${rule.id} » n’est pas satisfaite.`, outcome.nodeIds, outcome.sectionIds);
        }
        break;
      }
    }
  }

  const criteria = criterionReports(index, template, subtreeEvidence, requiredEvidence, unfilledSections, assessmentOf);
  const sections: SectionSummary[] = (template?.sections ?? []).map((section) => {
    const found = outline.sections.get(section.id);
    return { id: section.id, heading: section.heading, present: found !== undefined, words: found?.words ?? 0 };
  });

  return {
    referentialId: manifest.id,
    ...(template ? { templateId: template.id } : {}),
    score: total === 0 ? 100 : Math.floor((100 * satisfied) / total),
    checks: { total, satisfied },
    criteria,
    missing,
    decision: decide(manifest, index, assessmentOf),
    sections,
    totalWords: outline.totalWords,
  };
}

/** « de « Responsable » », « d'« Échéance » »: French elides « de » before a vowel. */
function ofLabel(label: string): string {
  return /^[aeiouy]/i.test(normalizeText(label)) ? `d'« ${label} »` : `de « ${label} »`;
}

function columnLabelOf(section: TemplateSection | undefined, column: string, table?: OutlineTable): string {
  return section?.table?.columns.find((c) => c.id === column)?.label ?? table?.definitions.find((c) => c.id === column)?.label ?? column;
}

/** The column as the document's table declares it, else as the template does, else plain text. */
function columnDefinition(table: OutlineTable, section: TemplateSection | undefined, column: string): Pick<TypedTableColumn, 'type' | 'enum'> {
  return table.definitions.find((c) => c.id === column) ?? section?.table?.columns.find((c) => c.id === column) ?? { type: 'text' };
}

/** The rule's rows (all, or those its `where` keeps), with the numbers the user sees. */
function rowsOf(table: OutlineTable, where: TableCheckRule['where']): { row: Record<string, string>; number: number }[] {
  const wanted = where ? new Set(where.values.map(normalizeText)) : undefined;
  const rows: { row: Record<string, string>; number: number }[] = [];
  table.rows.forEach((row, index) => {
    if (wanted && !wanted.has(normalizeText(row[where!.column] ?? ''))) return;
    rows.push({ row, number: table.rowNumbers[index] ?? index + 1 });
  });
  return rows;
}

/** The outline's table typed by its columns (the document's own, else the template's). */
function typedTable(table: OutlineTable, section: TemplateSection | undefined): TypedTableData {
  const columns: TypedTableColumn[] = table.definitions.length > 0
    ? table.definitions
    : (section?.table?.columns ?? []).map((c) => ({ id: c.id, label: c.label, type: c.type, ...(c.enum ? { enum: c.enum } : {}) }));
  return readTypedTable({ kind: table.kind, columns, sectionId: null, rows: table.rows });
}

type Check = (rule: CompletenessRule, ok: boolean, message: string, nodeIds?: string[], sectionIds?: string[]) => void;
type TableCheckRule = Extract<CompletenessRule, { type: 'table_check' }>;

function applyTableCheck(rule: TableCheckRule, outline: DocumentOutline, template: Template | undefined, check: Check) {
  const section = template?.sections.find((s) => s.id === rule.section);
  const heading = section?.heading ?? rule.section;
  const sectionIds = [rule.section];
  const table: OutlineTable | undefined = outline.sections.get(rule.section)?.tables[0];
  if (!table) {
    check(rule, false, `Le tableau de la section « ${heading} » est absent du document.`, [], sectionIds);
    return;
  }
  const columnLabel = (id: string) => columnLabelOf(section, id, table);
  const rows = rowsOf(table, rule.where);
  const whereText = rule.where ? ` de type ${rule.where.values.map((v) => `« ${v} »`).join(' ou ')}` : '';
  switch (rule.check) {
    case 'min_rows': {
      const min = rule.min ?? 1;
      const noun = table.kind === 'action_plan' ? ['action', 'actions'] as const : ['ligne', 'lignes'] as const;
      const count = rows.length;
      check(
        rule,
        count >= min,
        `Le tableau « ${heading} » compte ${plural(count, noun[0], noun[1])}${whereText} sur les ${min} ${min <= 1 ? 'attendue' : 'attendues'}.`,
        [],
        sectionIds,
      );
      return;
    }
    case 'column_filled': {
      const column = rule.column!;
      if (rows.length === 0) {
        check(rule, false, rule.where ? `Le tableau « ${heading} » n’a aucune ligne${whereText}.` : `Le tableau « ${heading} » n’a aucune ligne.`, [], sectionIds);
        return;
      }
      const empty = rows.filter(({ row }) => !row[column]);
      const message = empty.length === 1
        ? `Dans le tableau « ${heading} », 1 ligne n’a pas ${ofLabel(columnLabel(column))}.`
        : `Dans le tableau « ${heading} », ${empty.length} lignes n’ont pas ${ofLabel(columnLabel(column))}.`;
      check(rule, empty.length === 0, message, [], sectionIds);
      return;
    }
    case 'column_valid': {
      const column = rule.column!;
      if (rows.length === 0) {
        check(rule, false, rule.where ? `Le tableau « ${heading} » n’a aucune ligne${whereText}.` : `Le tableau « ${heading} » n’a aucune ligne.`, [], sectionIds);
        return;
      }
      const definition = columnDefinition(table, section, column);
      const empty = rows.filter(({ row }) => !row[column]);
      if (empty.length > 0) {
        const message = empty.length === 1
          ? `Dans le tableau « ${heading} », la ligne ${empty[0]!.number} n’a pas ${ofLabel(columnLabel(column))}.`
          : `Dans le tableau « ${heading} », les lignes ${empty.map((r) => r.number).join(', ')} n’ont pas ${ofLabel(columnLabel(column))}.`;
        check(rule, false, message, [], sectionIds);
      }
      let invalid = 0;
      for (const { row, number } of rows) {
        const text = row[column];
        if (!text) continue;
        const error = readCell(text, definition).error;
        if (error === undefined) continue;
        invalid++;
        check(rule, false, `Ligne ${number} du tableau « ${heading} », « ${columnLabel(column)} » : ${error}`, [], sectionIds);
      }
      if (empty.length === 0 && invalid === 0) check(rule, true, '', [], sectionIds);
      return;
    }
    case 'phases_covered': {
      const column = rule.column!;
      const values = rule.values ?? section?.table?.columns.find((c) => c.id === column)?.enum ?? [];
      const present = new Set(table.rows.map((row) => normalizeText(row[column] ?? '')));
      const isPhase = column === 'phase' || table.kind === 'action_plan';
      for (const value of values) {
        const message = isPhase
          ? `La phase « ${shorten(value)} » n’a aucune action.`
          : `La valeur « ${shorten(value)} » n’apparaît dans aucune ligne du tableau « ${heading} ».`;
        check(rule, present.has(normalizeText(value)), message, [], sectionIds);
      }
      return;
    }
    case 'has_charges_and_produits':
    case 'balanced': {
      const budget = summarizeBudget(typedTable(table, section), rule.column === undefined ? {} : { amountColumn: rule.column });
      if (rule.check === 'has_charges_and_produits') {
        check(rule, budget.charges.count > 0, `Le budget « ${heading} » n’a aucune charge.`, [], sectionIds);
        check(rule, budget.produits.count > 0, `Le budget « ${heading} » n’a aucun produit.`, [], sectionIds);
        return;
      }
      if (budget.invalid.length > 0) {
        const list = budget.invalid.map((v) => `« ${v.raw.trim()} »`).join(', ');
        check(rule, false, `Le budget « ${heading} » contient des montants illisibles : ${list}.`, [], sectionIds);
        return;
      }
      if (budget.unclassified.length > 0) {
        const lines = budget.unclassified.map((index) => table.rowNumbers[index] ?? index + 1);
        const which = lines.length === 1 ? `la ligne ${lines[0]} a un montant` : `les lignes ${lines.join(', ')} ont un montant`;
        check(rule, false, `Dans le budget « ${heading} », ${which} sans nature (« Charge » ou « Produit ») : il n’est pas compté.`, [], sectionIds);
        return;
      }
      if (budget.charges.count + budget.produits.count === 0) {
        check(rule, false, `Le budget « ${heading} » n’a aucun montant.`, [], sectionIds);
        return;
      }
      const gap = -budget.balance;
      const balanced = budget.balanced;
      const explanation = rule.explanationSection;
      const explained = explanation !== undefined && (outline.sections.get(explanation)?.words ?? 0) > 0;
      const where = explanation === undefined
        ? ''
        : `, et l’écart n’est pas expliqué dans la section « ${template?.sections.find((s) => s.id === explanation)?.heading ?? explanation} »`;
      check(
        rule,
        balanced || explained,
        `Le budget « ${heading} » n’est pas équilibré : ${formatEuros(budget.charges.total)} de charges pour ${formatEuros(budget.produits.total)} de produits (écart de ${formatEuros(Math.abs(gap))})${where}.`,
        [],
        explanation === undefined ? sectionIds : [...sectionIds, explanation],
      );
      return;
    }
  }
}

function criterionReports(
  index: ManifestIndex,
  template: Template | undefined,
  subtreeEvidence: Map<string, number>,
  requiredEvidence: Map<string, number>,
  unfilledSections: Set<string>,
  assessmentOf: (node: ReferentialNode) => CriterionAssessment | undefined,
): CriterionReport[] {
  const sectionsOfNode = new Map<string, string[]>();
  for (const section of template?.sections ?? []) {
    for (const id of section.nodes ?? []) {
      let list = sectionsOfNode.get(id);
      if (!list) sectionsOfNode.set(id, (list = []));
      list.push(section.id);
    }
  }
  const tracked = (node: ReferentialNode) => node.assessable || node.type === 'criterion';
  const statuses = new Map<string, CriterionStatus>();
  const reports = new Map<string, CriterionReport>();
  // Children first: a parent is only covered when its tracked children are.
  for (let i = index.ordered.length - 1; i >= 0; i--) {
    const node = index.ordered[i]!;
    if (!tracked(node)) continue;
    const assessment = assessmentOf(node);
    const count = subtreeEvidence.get(node.id) ?? 0;
    const required = requiredEvidence.get(node.id) ?? 1;
    let status: CriterionStatus;
    let gaps: CriterionReport['gaps'];
    if (assessment) status = 'évalué';
    else if (count === 0) status = 'absent';
    else {
      const sections = (sectionsOfNode.get(node.id) ?? []).filter((id) => unfilledSections.has(id));
      const uncoveredChildren = descendantsOf(index, node.id).filter((child) => {
        const childStatus = statuses.get(child.id);
        return childStatus !== undefined && childStatus !== 'couvert' && childStatus !== 'évalué';
      }).length;
      status = count >= required && sections.length === 0 && uncoveredChildren === 0 ? 'couvert' : 'partiel';
      // Enough evidence, yet partial: say why, or « 2 preuves sur 1 » beside « Partiel » reads as a contradiction.
      if (status === 'partiel' && count >= required) {
        gaps = { sections: sections.map((id) => template?.sections.find((s) => s.id === id)?.heading ?? id), uncoveredChildren };
      }
    }
    statuses.set(node.id, status);
    reports.set(node.id, {
      nodeId: node.id,
      ...(node.code ? { code: node.code } : {}),
      label: node.label,
      type: node.type,
      status,
      evidenceCount: count,
      requiredEvidence: required,
      ...(assessment ? { assessment } : {}),
      ...(gaps ? { gaps } : {}),
    });
  }
  return index.ordered.filter(tracked).map((node) => reports.get(node.id)!);
}

function decide(
  manifest: ReferentialManifest,
  index: ManifestIndex,
  assessmentOf: (node: ReferentialNode) => CriterionAssessment | undefined,
): Decision {
  const rule = manifest.policy.decision.type;
  if (rule === 'none') return { rule, outcome: 'none', label: 'Pas de décision automatique', reasons: [] };
  const targets = index.ordered.filter((node) => (rule === 'all_key_mastered' ? node.key : node.assessable));
  if (targets.length === 0) {
    const what = rule === 'all_key_mastered' ? 'compétence clé' : 'nœud évaluable';
    return { rule, outcome: 'pending', label: "En attente d’évaluation", reasons: [`Le référentiel ne déclare aucune ${what}.`] };
  }
  const reasons: string[] = [];
  let assessed = 0;
  for (const node of targets) {
    const assessment = assessmentOf(node);
    if (!assessment) continue;
    assessed++;
    if (assessment.proficient) continue;
    const required = assessment.requiredLabel === undefined ? '' : ` « ${assessment.requiredLabel} »`;
    reasons.push(`${describeNode(node)} est ${agree(node, 'évalué')} « ${assessment.label} », en dessous du niveau requis${required}.`);
  }
  const noun = countedNoun(targets, rule === 'all_key_mastered');
  const remaining = targets.length - assessed;
  // One line for what is left, not one per criterion (CEFI has 107).
  if (remaining > 0) reasons.push(`${noun.count(remaining)} ${remaining <= 1 ? 'reste' : 'restent'} à évaluer.`);
  const progress = { assessed, total: targets.length };
  // The rule decides on every required node: until the last one is assessed, nothing is decided.
  if (remaining > 0) {
    const label = assessed === 0
      ? "En attente d’évaluation"
      : `En cours d’évaluation (${noun.count(assessed, 'évalué')} sur ${targets.length})`;
    return { rule, outcome: 'pending', label, reasons, progress };
  }
  return reasons.length === 0
    ? { rule, outcome: 'validated', label: 'Validé', reasons, progress }
    : { rule, outcome: 'not_validated', label: 'Non validé', reasons, progress };
}
