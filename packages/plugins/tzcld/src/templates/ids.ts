export const TEMPLATE = {
  dossier: 'dossier-ecrit',
  communication: 'plan-communication',
  actionPlan: 'plan-actions',
  budget: 'budget',
  stakeholders: 'cartographie-parties-prenantes',
  dashboard: 'tableau-bord-exhaustivite',
  pitch: 'pitch',
} as const;
