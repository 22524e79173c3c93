import type { FicheItem, FicheRequirement } from '../fiche.js';

/** Passages that the source repeats word for word in several fiches. */

export const RSA_CONTRACT =
  "un parcours d’insertion formalisé dans un Contrat d’Engagement Réciproque (CER) ou un PPAE (Projet Personnalisé d’Accès à l’Emploi)";

export const COMPLIANCE_WITH_APPLICATION: FicheItem = {
  label: "Conformité aux modalités d’organisation de l’évaluation du dossier de candidature",
  description:
    "Les modalités d’évaluation seront déterminées conventionnellement, d’abord sur la base de la conformité aux modalités d’organisation de l’évaluation du dossier de candidature, ensuite sur les indicateurs d’efficacité demandés par le Département.",
};

export const RELEVANCE_TO_OPPORTUNITY: FicheItem = {
  label: "Pertinence de l’action au regard de la note d’opportunité",
  description:
    "La pertinence de l’action mesurée par les résultats et les retours de stage par rapport à la note d’opportunité du dossier de candidature.",
};

export const FREE_TIME_FOR_PAPERWORK: FicheRequirement = {
  section: 'calendrier',
  label: 'Temps libres destinés aux démarches administratives',
  description: 'Des temps libres destinés aux démarches administratives devront être intégrés.',
};

export const ROME_CODES_FOR_SECTORS: FicheRequirement = {
  section: 'note',
  label: "Codes ROME et secteurs pourvoyeurs d’emploi (action spécialisée sur des secteurs porteurs)",
  description:
    "En cas de proposition d’action spécialisée sur un ou plusieurs secteurs porteurs, la note d’opportunité du dossier de candidature devra faire apparaître le ou les codes ROME correspondants et démontrer que les secteurs abordés sont pourvoyeurs d’emploi.",
};

export const ACCESS_TO_TRAINING_OR_JOB = "Accès à la formation ou à l’emploi des bénéficiaires à l’issue de l’action";

export const SKILLS_ASSESSMENT_TOOLS =
  "À partir d’outils concrets, pouvant par exemple être inspirés de la carte régionale des compétences, du référentiel CléA…";

/** The footnote on « filières porteuses d'emploi » in Fiches 4 and 5. */
export const EMPLOYMENT_SECTOR_SOURCES = [
  "Sur les filières porteuses d’emploi, voir notamment les rapports d’études de Défi métiers ou l’enquête BMO :",
  'https://www.defi-metiers.fr/metiers-secteurs/panoramas',
  'https://www.defi-metiers.fr/dossiers/les-metiers-de-demain-en-ile-de-france',
  'https://www.defi-metiers.fr/breves/quels-metiers-recruteront-en-2022',
  'https://www.defi-metiers.fr/etudes/creation-demploi-en-ile-de-france-lhorizon-2030',
  'https://www.defi-metiers.fr/publications/les-creations-demploi-en-ile-de-france-lhorizon-2030-focale-ndeg21',
].join('\n');
