const LABELS: Record<string, string> = {
  'document.open': 'A ouvert le document',
  'document.submitted': 'A soumis une version',
  'submission.opened': 'A consulté une version soumise',
  'comment.created': 'A commenté',
  'assessment.set': 'A évalué un critère',
  'document.deleted': 'A supprimé le document',
};

/** The audit log's action, as the access log says it; unknown actions keep their code. */
export function accessActionLabel(action: string): string {
  return LABELS[action] ?? action;
}
