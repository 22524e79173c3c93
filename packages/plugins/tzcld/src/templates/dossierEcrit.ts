import { MODALITY } from '../modalities.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

export const dossierEcritTemplate: TemplateInput = {
  id: TEMPLATE.dossier,
  title: 'Dossier écrit du candidat',
  description:
    "Le dossier présenté au jury : il expose le projet de coopération territoriale et renvoie aux annexes (plan de communication, plan d’actions, budget et veille financements, cartographie des parties prenantes, tableau de bord d’exhaustivité).",
  modality: MODALITY.dossier,
  sections: [
    {
      id: 'candidat-territoire',
      heading: 'Présentation du candidat et du territoire',
      prompt:
        "Présentez votre fonction et votre rôle dans le pilotage du projet, la structure qui le porte, puis le territoire : périmètre, population, situation de l’emploi, acteurs en présence et état d’avancement de la démarche. Ce contexte fonde la priorisation de votre plan d’actions (CP2-C2).",
      nodes: ['cp2-c2'],
    },
    {
      id: 'convictions',
      heading: 'Convictions et fondamentaux du projet TZCLD',
      prompt:
        "Exposez les convictions sur lesquelles repose le projet (« personne n’est inemployable », « ce n’est pas le travail qui manque », « ce n’est pas l’argent qui manque ») et ses fondamentaux : emploi en CDI à temps choisi, supplémentarité des emplois, exhaustivité, non-concurrence avec les emplois existants. Montrez comment votre pitch et vos outils de communication les portent (CP1-C1).",
      nodes: ['cp1-c1'],
    },
    {
      id: 'communication',
      heading: 'Stratégie de communication et inclusion des personnes en situation de handicap',
      prompt:
        "Expliquez comment vous convainquez et fédérez les acteurs et actrices du territoire : cibles, arguments adaptés à chacune et à ses intérêts, outils et événements, prise en compte des personnes en situation de handicap (accessibilité des supports et des lieux). Résumez votre plan de communication (annexe) et les événements nationaux et locaux de promotion de l’emploi des personnes durablement privées d’emploi que vous y intégrez (CP1-C2 à CP1-C4).",
      nodes: ['cp1-c2', 'cp1-c3', 'cp1-c4'],
    },
    {
      id: 'methodologie',
      heading: "Méthodologie de projet et plan d’actions",
      prompt:
        "Présentez votre plan d’actions échéancé (annexe) selon les quatre phases de la méthode projet TZCLD : fabrique et animation du consensus ; rencontre et mobilisation des personnes privées durablement d’emploi ; identification des travaux utiles ; ouverture des entreprises à but d’emploi (si pertinent). Justifiez vos priorités au regard des objectifs stratégiques et du contexte du territoire, et précisez qui fait quoi (CP2-C1, CP2-C2, CP3-C4).",
      nodes: ['cp2-c1', 'cp2-c2', 'cp3-c4'],
    },
    {
      id: 'moyens-financement',
      heading: 'Moyens et financement du projet',
      prompt:
        "Décrivez les moyens humains, matériels et financiers mobilisés, présentez les besoins de financement sous la forme d’un budget (charges et produits, en annexe) et exposez votre méthode de veille sur les sources de financement : partenariats, mécénat, appels à projets, subventions publiques (CP2-C3).",
      nodes: ['cp2-c3'],
    },
    {
      id: 'parties-prenantes',
      heading: 'Diagnostic des parties prenantes du territoire',
      prompt:
        "Présentez votre cartographie des parties prenantes (annexe) : comment vous les avez identifiées, leur niveau d’implication (d’absent à actif), les freins et les leviers d’actions repérés (CP3-C1).",
      nodes: ['cp3-c1'],
    },
    {
      id: 'cooperation',
      heading: "Coopération multi-partenariale et participation des personnes privées durablement d’emploi",
      prompt:
        "Exposez les stratégies et actions qui suscitent la participation des parties prenantes, en particulier des personnes privées durablement d’emploi, et les espaces ad hoc de co-construction planifiés (comité local pour l’emploi, commissions, groupes de travail) sur la stratégie d’atteinte de l’exhaustivité, la définition et la qualification de la privation durable d’emploi et la supplémentarité des emplois (CP3-C2, CP3-C3).",
      nodes: ['cp3-c2', 'cp3-c3'],
    },
    {
      id: 'exhaustivite',
      heading: "Diagnostic de la privation d’emploi et stratégie d’exhaustivité",
      prompt:
        "Explicitez la méthode de diagnostic de la privation d’emploi sur le territoire (sources, repérage des personnes non identifiées par le service public de l’emploi, rencontres) et la stratégie d’atteinte de l’exhaustivité qui en découle ; présentez les indicateurs de suivi spécifiques de votre tableau de bord (CP4-C1).",
      nodes: ['cp4-c1'],
    },
    {
      id: 'pilotage',
      heading: 'Pilotage, évaluation et ajustements',
      prompt:
        "Présentez les indicateurs d’évaluation déterminés localement pour mesurer l’atteinte des grands objectifs du plan d’actions, puis commentez les écarts entre objectifs et résultats obtenus, les dysfonctionnements et problématiques rencontrés, et les ajustements que vous proposez au plan d’actions (CP4-C2, CP4-C3).",
      nodes: ['cp4-c2', 'cp4-c3'],
    },
    {
      id: 'conclusion',
      heading: 'Bilan et perspectives',
      prompt:
        "Concluez sur ce que le projet a produit, ce que vous en retirez dans votre pratique et les prochaines étapes. Relisez l’ensemble : le jury évalue une expression écrite compréhensible, précise et structurée (CP1-C5).",
      nodes: ['cp1-c5'],
    },
  ],
};
