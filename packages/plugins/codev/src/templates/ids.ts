export const TEMPLATE = {
  session: 'seance-codeveloppement',
  platform: 'plateforme-partage-competences',
  gpect: 'demarche-gpect',
  tzcld: 'mobilisation-tzcld',
} as const;
