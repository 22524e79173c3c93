import { MODALITY, NODE, TEMPLATE } from '../ids.js';
import { KEY_COMPETENCIES, type KeyCompetencySource } from '../keyCompetencies.js';
import { competencyId, criterionId, exampleId } from '../nodes.js';
import type { TemplateInput } from '../types.js';

type SectionInput = TemplateInput['sections'][number];

/**
 * The criteria that speak of outcomes (impact, concrete achievements, lessons learnt, the
 * project's report) are evidenced by the results; the others by the manner of proceeding.
 */
export const RESULT_CRITERIA: Record<KeyCompetencySource['code'], number[]> = {
  C1: [9],
  C2: [9, 10],
  C3: [4, 5],
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function keyCompetencySections(source: KeyCompetencySource): SectionInput[] {
  const id = competencyId(source.code);
  const results = RESULT_CRITERIA[source.code];
  const criteria = range(source.criteria.length);
  return [
    {
      id,
      heading: `${source.code} — ${source.label}`,
      prompt:
        "Pour cette compétence clef, décrivez au moins deux situations professionnelles que vous avez vécues, votre manière de procéder et les résultats obtenus. Le responsable attestera la réalité de cette pratique.",
      nodes: [id],
    },
    {
      id: `${id}-situations`,
      heading: `${source.code} — Situations professionnelles`,
      level: 3,
      prompt:
        "Présentez les situations choisies : où elles se sont déroulées, avec qui et pour qui vous avez agi, quel en était l’enjeu. Les situations et activités que le référentiel donne en exemple vous guident ; les vôtres peuvent être différentes.",
      nodes: range(source.examples.length).map((n) => exampleId(source.code, n)),
    },
    {
      id: `${id}-maniere`,
      heading: `${source.code} — Manière de procéder`,
      level: 3,
      prompt:
        "Décrivez pas à pas ce que vous avez fait, vos choix et pourquoi : c’est la manière de procéder qui montre à la commission la présence et le degré de maîtrise de la compétence. Reliez chaque passage au critère qu’il montre.",
      nodes: criteria.filter((n) => !results.includes(n)).map((n) => criterionId(source.code, n)),
    },
    {
      id: `${id}-resultats`,
      heading: `${source.code} — Résultats obtenus`,
      level: 3,
      prompt:
        "Dites ce que votre action a produit (pour les demandeurs d’emploi, les entreprises, les collègues, l’agence), comment vous l’avez mesuré et ce que vous en avez tiré.",
      nodes: results.map((n) => criterionId(source.code, n)),
    },
  ];
}

const text = (id: string, label: string, required = false) => ({ id, label, type: 'text' as const, required });

export const dossierValidationTemplate: TemplateInput = {
  id: TEMPLATE.dossier,
  title: 'Dossier de validation',
  description:
    "Dossier de validation interne des compétences et d’acquis professionnels de l’emploi repère « Conseiller chargé de projet emploi » : analyse de la pratique professionnelle au regard des compétences clefs, acquis formalisés de la formation et de l’expérience, attestation du responsable.",
  modality: MODALITY.dossier,
  sections: [
    {
      id: 'contexte',
      heading: "Mon emploi et son contexte d’exercice",
      prompt:
        "Présentez votre mission (bassin ou inter-ALE), le territoire et ses acteurs, les priorités que vous portez et vos activités de responsable de projets ou de contributeur de la production de services. Ce contexte éclaire l’analyse de votre pratique.",
      nodes: ['responsable-projets', 'contributeur-production'],
    },
    ...KEY_COMPETENCIES.flatMap(keyCompetencySections),
    {
      id: 'acquis',
      heading: "Acquis formalisés de la formation et de l’expérience",
      prompt:
        "Facultatif : les acquis que vous souhaitez valoriser (titres et diplômes, formations, expériences hors ANPE en lien avec l’emploi). Pour chacun, vous devrez démontrer l’intérêt qu’il représente pour l’exercice de l’emploi.",
      nodes: [NODE.priorLearning],
    },
    {
      id: 'acquis-validations',
      heading: 'Les validations obtenues',
      level: 3,
      prompt: "Diplômes, validations des acquis de l’expérience, attestations d’acquis, équivalences.",
      nodes: ['validations-obtenues'],
      table: {
        kind: 'custom',
        columns: [
          text('intitule', 'Intitulé', true),
          {
            id: 'nature',
            label: 'Nature',
            type: 'enum',
            enum: ['Diplôme', "Validation des acquis de l’expérience", "Attestation d’acquis", 'Équivalence'],
            required: true,
          },
          text('organisme', 'Organisme'),
          text('annee', 'Année'),
          text('interet', "Intérêt pour l’emploi"),
        ],
      },
    },
    {
      id: 'acquis-formations',
      heading: 'Les formations suivies',
      level: 3,
      prompt: 'Formation initiale, formation continue : contenu, durée, organisme de formation.',
      nodes: ['formations-suivies'],
      table: {
        kind: 'custom',
        columns: [
          text('intitule', 'Intitulé', true),
          { id: 'type', label: 'Type', type: 'enum', enum: ['Formation initiale', 'Formation continue'], required: true },
          text('contenu', 'Contenu'),
          text('duree', 'Durée'),
          text('organisme', 'Organisme de formation'),
          text('interet', "Intérêt pour l’emploi"),
        ],
      },
    },
    {
      id: 'acquis-experiences',
      heading: 'Les expériences professionnelles',
      level: 3,
      prompt: "Expériences hors ANPE, en lien avec l’emploi.",
      nodes: ['experiences-professionnelles'],
      table: {
        kind: 'custom',
        columns: [
          text('employeur', 'Employeur', true),
          text('emploi', 'Emploi occupé', true),
          text('periode', 'Période'),
          text('activites', 'Activités exercées'),
          text('lien', "Lien avec l’emploi"),
        ],
      },
    },
    {
      id: 'acquis-plus-value',
      heading: "La plus-value de mes acquis pour l’exercice de l’emploi",
      level: 3,
      prompt:
        "Démontrez en quoi ces acquis sont suffisants et investis dans les activités de l’emploi repère : quelle compétence clef ils nourrissent, dans quelle situation vous les avez mobilisés.",
      nodes: [NODE.priorLearning],
    },
    {
      id: 'attestation',
      heading: 'Attestation du responsable',
      prompt:
        "À compléter par votre responsable, ou à remplacer par son attestation signée : il atteste la réalité de la pratique professionnelle décrite et la mobilisation des compétences clefs dans les situations et activités présentées. Indiquez son nom, sa fonction et la date.",
      nodes: [NODE.managerAttestation],
    },
  ],
};
