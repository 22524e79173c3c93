export const MODALITY = {
  memoireBloc1: 'memoire-bloc1',
  memoireBloc2: 'memoire-bloc2',
  carteMentaleBloc3: 'carte-mentale-bloc3',
  dossierBloc3: 'dossier-bloc3',
} as const;

export const TEMPLATE = {
  memoireBloc1: 'memoire-bloc1',
  memoireBloc2: 'memoire-bloc2',
  carteMentaleBloc3: 'carte-mentale-bloc3',
  dossierBloc3: 'dossier-bloc3',
} as const;
