import { tablePresets, type ReferentialManifestInput } from '@canevas/core';
import type { Fiche, FicheItem, RequirementSection } from './fiche.js';
import { ficheRefs } from './nodes.js';
import { fiches } from './fiches/index.js';
import { APPLICATION_MODALITY, SECTION, templateId } from './ids.js';

type TemplateInput = NonNullable<ReferentialManifestInput['templates']>[number];

const bullets = (lines: readonly string[]): string => lines.map((line) => `– ${line}`).join('\n');

const requirementsOf = (fiche: Fiche, section: RequirementSection): FicheItem[] =>
  fiche.requirements.filter((requirement) => requirement.section === section);

/** Appends the fiche's own requirements for a section to a generic prompt. */
function withRequirements(prompt: string, fiche: Fiche, section: RequirementSection, detailed = false): string {
  const items = requirementsOf(fiche, section);
  if (items.length === 0) return prompt;
  const lines = items.map((item) => (detailed && item.description ? `${item.label} : ${item.description}` : item.label));
  return `${prompt}\nLa fiche ${fiche.number} demande notamment :\n${bullets(lines)}`;
}

/** The « Dossier de candidature » for one fiche: the sections the call asks every project for. */
export function applicationTemplate(fiche: Fiche): TemplateInput {
  const refs = ficheRefs.get(fiche.id);
  if (!refs) throw new Error(`Fiche ${fiche.number} : nœuds introuvables`);
  const objectives = [
    ...fiche.generalObjectives.map((o) => o.label),
    ...fiche.pedagogicalObjectives.map((o) => o.label),
    ...(fiche.actionTypes ?? []).map((t) => `Type d’action ${t.letter} – ${t.label}`),
  ];
  return {
    id: templateId(fiche.id),
    title: `Dossier de candidature — Fiche ${fiche.number}`,
    description: `Réponse à l’appel à projets du Programme départemental d’insertion et d’emploi (PDIE) de la Seine-Saint-Denis, fiche ${fiche.number} « ${fiche.title} ».`,
    modality: APPLICATION_MODALITY,
    sections: [
      {
        id: SECTION.presentation,
        heading: 'Présentation de la structure',
        prompt:
          "Présentez la structure porteuse du projet : statut, missions, implantation, expérience de l’accompagnement des publics en insertion, en particulier des allocataires du RSA.",
      },
      {
        id: SECTION.note,
        heading: "Note d’opportunité",
        prompt: withRequirements(
          "Établissez le diagnostic des besoins sur le territoire de la Seine-Saint-Denis auquel répond l’action, et indiquez les codes ROME des métiers visés.",
          fiche,
          'note',
          true,
        ),
        nodes: refs.requirements.note,
      },
      {
        id: SECTION.public,
        heading: 'Public visé',
        prompt: withRequirements(
          `Décrivez le public que l’action accompagnera, son recrutement et son orientation vers l’action. Profil du public défini par la fiche ${fiche.number} :\n${fiche.publicProfile}`,
          fiche,
          'public',
        ),
        nodes: refs.requirements.public,
      },
      {
        id: SECTION.objectifs,
        heading: 'Objectifs pédagogiques',
        prompt: `Présentez les objectifs pédagogiques de l’action et le niveau attendu en fin d’action, au regard des objectifs de la fiche ${fiche.number} :\n${bullets(objectives)}`,
        nodes: refs.objectives,
      },
      {
        id: SECTION.contenu,
        heading: "Contenu de l’action",
        prompt: withRequirements(
          "Décrivez le contenu et les modalités de l’action : démarche, méthodes pédagogiques et outils, temps individuels et collectifs, suivi des participants.",
          fiche,
          'contenu',
        ),
        nodes: refs.requirements.contenu,
      },
      {
        id: SECTION.moyens,
        heading: 'Moyens et partenariats',
        prompt: withRequirements(
          "Présentez les moyens humains et matériels mobilisés et les partenariats de l’action (services référents, prescripteurs, entreprises, autres organismes).",
          fiche,
          'moyens',
        ),
        nodes: refs.requirements.moyens,
      },
      {
        id: SECTION.calendrier,
        heading: 'Calendrier',
        prompt: withRequirements(
          "Présentez le calendrier de l’action : démarrage, durée, rythme, entrées et sorties, périodes en entreprise.",
          fiche,
          'calendrier',
        ),
        nodes: refs.requirements.calendrier,
      },
      {
        id: SECTION.budget,
        heading: 'Budget prévisionnel',
        prompt: "Détaillez les charges et les produits de l’action, en indiquant la source de chaque financement.",
        table: tablePresets.budget,
      },
      {
        id: SECTION.indicateurs,
        heading: "Indicateurs d’évaluation",
        prompt: [
          "Fixez une cible pour chacun des indicateurs d’efficacité demandés par le Département ; vous pouvez en ajouter d’autres.",
          ...(fiche.evaluationCriteria.length > 0
            ? [`L’action sera également évaluée sur :\n${bullets(fiche.evaluationCriteria.map((c) => c.label))}`]
            : []),
        ].join('\n'),
        nodes: [...refs.indicators, ...refs.criteria],
        table: {
          ...tablePresets.indicators,
          rows: fiche.indicators.map((indicator) => ({
            indicateur: indicator.label,
            cible: '',
            echeance: indicator.timing ?? '',
          })),
        },
      },
    ],
  };
}

export const pdieTemplates: TemplateInput[] = fiches.map(applicationTemplate);
