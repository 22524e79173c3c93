import { MODALITY, TEMPLATE } from '../ids.js';
import type { TemplateInput } from '../types.js';

export const memoireBloc1Template: TemplateInput = {
  id: TEMPLATE.memoireBloc1,
  title: 'Mémoire professionnel — bloc 1',
  description:
    "Mémoire de 30 pages sur une problématique rencontrée dans votre pratique d’accompagnement de publics : contextualisation, description et analyse de situations d’accompagnement, référence aux cadres théoriques de l’accompagnement et de l’orientation, évaluation de votre pratique.",
  modality: MODALITY.memoireBloc1,
  sections: [
    {
      id: 'introduction',
      heading: 'Introduction : la problématique choisie',
      prompt:
        "Énoncez la problématique rencontrée dans votre pratique d’accompagnement, dites pourquoi vous l’avez choisie et annoncez le plan du mémoire.",
    },
    {
      id: 'structure-candidat',
      heading: 'Ma structure, ma fonction et mes partenaires',
      prompt:
        "Présentez votre structure (organisation, missions, activités), votre fonction et le cadre de vos activités, puis vos partenaires et les thématiques sur lesquelles vous les mobilisez. La liste des partenaires peut figurer en annexe.",
      nodes: ['bloc1-c1-1', 'bloc1-c1-2', 'bloc1-c1-3'],
    },
    {
      id: 'accueil',
      heading: "L’accueil des publics : cadre d’intervention et contractualisation",
      prompt:
        "Décrivez le cadre de l’accompagnement : typologie d’accueil, modalités individuelles ou collectives, rythmes et objectifs de l’intervention. Justifiez vos choix au regard de la situation de la personne, précisez les modalités de contractualisation (supports en annexe) et montrez comment vous mobilisez les moyens de votre organisation pour un accueil de qualité.",
      nodes: ['bloc1-c1-4', 'bloc1-c1-5', 'bloc1-c1-7'],
    },
    {
      id: 'tracabilite',
      heading: "Traçabilité de l’activité et suivi des personnes",
      prompt:
        "Faites l’inventaire des outils de traçabilité de votre structure et des vôtres (système de gestion, planning, synthèses et notes d’entretien…), dans le respect du RGPD ; joignez les supports en annexe le cas échéant.",
      nodes: ['bloc1-c1-6'],
    },
    {
      id: 'diagnostic',
      heading: 'Le diagnostic partagé',
      prompt:
        "Présentez comment vous élaborez le diagnostic avec la personne (techniques d’entretien, champs investigués, dispositifs et mesures d’évaluation des compétences professionnelles) puis le diagnostic partagé d’une ou plusieurs situations d’accompagnement : difficultés, atouts et besoins de la personne, en articulation avec les problématiques de socialisation, d’exclusion, de professionnalisation et les compétences à développer.",
      nodes: ['bloc1-c2-1', 'bloc1-c2-2'],
    },
    {
      id: 'reseau',
      heading: "Le réseau de partenaires et l’orientation",
      prompt:
        "Montrez comment le réseau de professionnels à mobiliser est constitué selon les champs de compétences de chaque partenaire, et explicitez les modalités de collaboration (rencontres, instances de concertation, échanges d’information…).",
      nodes: ['bloc1-c2-3'],
    },
    {
      id: 'parcours',
      heading: "La définition du parcours d’insertion",
      prompt:
        "Présentez le parcours d’accompagnement défini avec la personne : démarches et mesures retenues, argumentées à partir de sa situation, des résultats du diagnostic, des dispositifs et du contexte socio-économique dans lequel elle s’inscrit.",
      nodes: ['bloc1-c2-4'],
    },
    {
      id: 'projet',
      heading: "L’accompagnement du projet professionnel et ses cadres théoriques",
      prompt:
        "Explicitez les méthodologies d’élaboration de projets que vous utilisez et leurs référencements théoriques (cadres de l’accompagnement et de l’orientation), le système de mise à disposition d’informations ressources et de mise en relation avec les professionnels ressources, vos activités de conseil et vos modalités de travail avec les partenaires.",
      nodes: ['bloc1-c3-1', 'bloc1-c3-2', 'bloc1-c3-3', 'bloc1-c3-4'],
    },
    {
      id: 'dossiers-bilans',
      heading: 'Dossiers de financement, bilans et réajustements du parcours',
      prompt:
        "Présentez le montage des dossiers administratifs et financiers en tenant compte des critères d’éligibilité, puis les bilans réguliers réalisés avec la personne et les réajustements du parcours et de l’accompagnement que vous avez justifiés.",
      nodes: ['bloc1-c3-5', 'bloc1-c3-6'],
    },
    {
      id: 'evaluation-pratique',
      heading: "Évaluation de ma pratique d’accompagnement",
      prompt:
        "Analysez votre activité avec recul : ce qui a fonctionné, ce que vous feriez autrement, les axes de progression que vous en tirez et la façon dont votre pratique évolue.",
      nodes: ['bloc1-c4-1'],
    },
    {
      id: 'conclusion',
      heading: 'Conclusion',
      prompt: 'Revenez sur la problématique, résumez les réponses apportées et ouvrez sur vos perspectives professionnelles.',
    },
    {
      id: 'annexes',
      heading: 'Annexes',
      prompt:
        "Joignez la liste des partenaires, les supports de contractualisation et les outils de traçabilité cités dans le mémoire, anonymisés.",
    },
  ],
};
