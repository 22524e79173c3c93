import { MODALITY, NODE, TEMPLATE } from './ids.js';
import type { ModalityInput } from './types.js';

const KEY = ['c1', 'c2', 'c3'];

export const anpeModalities: ModalityInput[] = [
  {
    id: MODALITY.dossier,
    kind: 'written_dossier',
    label: 'Dossier écrit de validation',
    description:
      "La validation s’appuie sur le dossier écrit. L’agent y décrit sa pratique professionnelle pour valoriser les compétences et les acquis professionnels de son emploi ; le référentiel oriente la constitution du dossier.",
    evaluates: [...KEY, NODE.priorLearning, NODE.managerAttestation],
    templates: [TEMPLATE.dossier],
  },
  {
    id: MODALITY.interview,
    kind: 'interview',
    label: 'Entretien',
    description: "Le cas échéant, la validation s’appuie aussi sur les compléments recueillis lors de l’entretien.",
    evaluates: KEY,
  },
  {
    id: MODALITY.commission,
    kind: 'commission',
    label: 'Commission régionale de validation',
    description:
      "Elle évalue si le candidat possède les compétences et les acquis professionnels nécessaires à la validation dans son emploi : elle organise son analyse du dossier selon les critères d’appréciation du référentiel et y fonde son évaluation et sa décision.",
    evaluates: [...KEY, NODE.priorLearning, NODE.managerAttestation],
  },
];
