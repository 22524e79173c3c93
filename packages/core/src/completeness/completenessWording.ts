import type { DecisionRule, ReferentialManifest } from '../referential/manifestSchema.js';
import type {
  CompletenessReport,
  CriterionAssessment,
  CriterionReport,
  CriterionStatus,
  DecisionOutcome,
  MissingItem,
  Severity,
} from './CompletenessReport.js';
import { countedNoun } from './describeNode.js';
import { manifestIndex } from './manifestIndex.js';

// What the completeness panel and the exported annex say, in one place so that they read alike.

/** `tone` names the badge's style: a result below the required level is not shown as a success. */
export interface StatusWording {
  icon: string;
  label: string;
  tone: 'absent' | 'partiel' | 'couvert' | 'evalue' | 'below';
}

const PLAIN: Record<CriterionStatus, StatusWording> = {
  absent: { icon: '○', label: 'Absent', tone: 'absent' },
  partiel: { icon: '◐', label: 'Partiel', tone: 'partiel' },
  couvert: { icon: '●', label: 'Couvert', tone: 'couvert' },
  évalué: { icon: '✓', label: 'Évalué', tone: 'evalue' },
};

function plural(count: number, singular: string, pluralForm: string): string {
  // French: 0 and 1 take the singular.
  return `${count} ${count <= 1 ? singular : pluralForm}`;
}

/**
 * A status in words. With the criterion's report, an assessed criterion says whether it reached
 * the required level, and a partial one with enough evidence says what else it lacks.
 */
export function statusWording(status: CriterionStatus, criterion?: Pick<CriterionReport, 'assessment' | 'gaps'>): StatusWording {
  const assessment = criterion?.assessment;
  if (status === 'évalué' && assessment) {
    return assessment.proficient
      ? { icon: '✓', label: 'Évalué · atteint', tone: 'evalue' }
      : { icon: '!', label: 'Évalué · non atteint', tone: 'below' };
  }
  const gaps = criterion?.gaps;
  if (status === 'partiel' && gaps) {
    const what = gaps.uncoveredChildren > 0
      ? `${plural(gaps.uncoveredChildren, 'sous-critère', 'sous-critères')} à couvrir`
      : `${plural(gaps.sections.length, 'section', 'sections')} à remplir`;
    return { ...PLAIN.partiel, label: `Partiel · ${what}` };
  }
  return PLAIN[status];
}

/** « 1 preuve sur 2 » while short; « 2 preuves (1 requise) : suffisant » once the count is met. */
export function evidenceWording({ evidenceCount: count, requiredEvidence: required }: Pick<CriterionReport, 'evidenceCount' | 'requiredEvidence'>): string {
  const proofs = plural(count, 'preuve', 'preuves');
  return count >= required ? `${proofs} (${plural(required, 'requise', 'requises')}) : suffisant` : `${proofs} sur ${required}`;
}

/** « niveau requis atteint », or which level was required. */
export function assessmentVerdict(assessment: Pick<CriterionAssessment, 'proficient' | 'requiredLabel'>): string {
  if (assessment.proficient) return 'niveau requis atteint';
  return assessment.requiredLabel === undefined ? 'niveau requis non atteint' : `niveau requis non atteint (« ${assessment.requiredLabel} » attendu)`;
}

export const OUTCOME_ICONS: Record<DecisionOutcome, string> = {
  validated: '✓',
  not_validated: '✗',
  pending: '…',
  none: '–',
};

const RULE_TEXTS: Record<DecisionRule['type'], string> = {
  all_key_mastered: 'Validé seulement si chaque compétence clé est maîtrisée.',
  all_assessable_proficient: 'Validé seulement si chaque élément évalué atteint un niveau maîtrisé.',
  none: 'Ce référentiel ne prévoit pas de décision automatique.',
};

/** The referential's decision rule in words: its own description, else the rule's. */
export function decisionRuleText(rule: DecisionRule): string {
  return rule.description?.trim() || RULE_TEXTS[rule.type];
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Obligatoire', warning: 'Recommandé', info: 'Information' };

/** One criterion as the panel's line and the annex's row show it. */
export interface CriterionWording {
  nodeId: string;
  code?: string;
  label: string;
  status: StatusWording;
  /** The assessed level's label, with the verdict: « En cours d’acquisition — niveau requis non atteint (« Acquis » attendu) ». */
  level?: string;
  evidence: string;
}

export interface CompletenessWording {
  score: string;
  checks: string;
  decision: { outcome: DecisionOutcome; icon: string; label: string; rule: string; reasons: string[] };
  /** What the document lacks beyond each criterion's own evidence and level, one line each. */
  toComplete: { severity: Severity; message: string }[];
  criteria: CriterionWording[];
}

/** Rules whose items are about one criterion each: shown on the criterion, summarized above. */
const PER_CRITERION: ReadonlySet<string> = new Set(['evidence_min', 'all_children']);

/** Everything the completeness panel and the annex say about a report. */
export function completenessWording(manifest: ReferentialManifest, report: CompletenessReport): CompletenessWording {
  const { decision } = report;
  const reasons = decision.reasons;
  return {
    score: `${report.score} %`,
    checks: `${report.checks.satisfied} ${report.checks.satisfied <= 1 ? 'vérification satisfaite' : 'vérifications satisfaites'} sur ${report.checks.total}`,
    decision: { outcome: decision.outcome, icon: OUTCOME_ICONS[decision.outcome], label: decision.label, rule: decisionRuleText(manifest.policy.decision), reasons },
    toComplete: toComplete(manifest, report).filter((item) => !reasons.includes(item.message)),
    criteria: report.criteria.map((criterion) => ({
      nodeId: criterion.nodeId,
      ...(criterion.code === undefined ? {} : { code: criterion.code }),
      label: criterion.label,
      status: statusWording(criterion.status, criterion),
      ...(criterion.assessment ? { level: `${criterion.assessment.label} — ${assessmentVerdict(criterion.assessment)}` } : {}),
      evidence: evidenceWording(criterion),
    })),
  };
}

function toComplete(manifest: ReferentialManifest, report: CompletenessReport): { severity: Severity; message: string }[] {
  const perCriterion = new Set(manifest.rules.filter((rule) => PER_CRITERION.has(rule.type)).map((rule) => rule.id));
  const levelRules = new Set(manifest.rules.filter((rule) => rule.type === 'all_children').map((rule) => rule.id));
  const evidenceRules = new Set(manifest.rules.filter((rule) => rule.type === 'evidence_min').map((rule) => rule.id));
  const short = new Map<Severity, Set<string>>();
  const assessed = new Set(report.criteria.filter((c) => c.assessment).map((c) => c.nodeId));
  const seen = new Set<string>();
  const lines: { severity: Severity; message: string }[] = [];
  const unassessed = new Map<Severity, Set<string>>();
  const add = (item: Pick<MissingItem, 'severity' | 'message'>) => {
    if (seen.has(item.message)) return;
    seen.add(item.message);
    lines.push({ severity: item.severity, message: item.message });
  };
  for (const item of report.missing) {
    if (!perCriterion.has(item.ruleId)) add(item);
    else if (evidenceRules.has(item.ruleId)) {
      // Each criterion shows its own count; above, one line says how many lack evidence.
      let set = short.get(item.severity);
      if (!set) short.set(item.severity, (set = new Set()));
      for (const id of item.nodeIds) set.add(id);
    } else if (levelRules.has(item.ruleId)) {
      // Below the level: worth a line each. Not yet assessed: counted, one line.
      if (item.nodeIds.every((id) => assessed.has(id))) add(item);
      else {
        let set = unassessed.get(item.severity);
        if (!set) unassessed.set(item.severity, (set = new Set()));
        for (const id of item.nodeIds) if (!assessed.has(id)) set.add(id);
      }
    }
  }
  const index = manifestIndex(manifest);
  const counted = (ids: Set<string>) => countedNoun([...ids].map((id) => index.nodes.get(id)).filter((node) => node !== undefined)).count(ids.size);
  for (const [severity, ids] of short) add({ severity, message: `${counted(ids)} ${ids.size <= 1 ? 'manque' : 'manquent'} de preuves liées.` });
  for (const [severity, ids] of unassessed) add({ severity, message: `${counted(ids)} ${ids.size <= 1 ? 'reste' : 'restent'} à évaluer.` });
  return lines;
}
