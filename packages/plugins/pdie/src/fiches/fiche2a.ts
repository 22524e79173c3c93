import { AFTER_THREE_MONTHS, type Fiche } from '../fiche.js';
import {
  ACCESS_TO_TRAINING_OR_JOB,
  COMPLIANCE_WITH_APPLICATION,
  FREE_TIME_FOR_PAPERWORK,
  RSA_CONTRACT,
  SKILLS_ASSESSMENT_TOOLS,
} from './common.js';

export const fiche2a: Fiche = {
  id: 'fiche-2a',
  number: '2A',
  axis: 'axe-transversales.base',
  title: 'Acquisition ou renforcement du français compétence professionnelle',
  generalObjectives: [
    {
      label:
        "Permettre aux allocataires du RSA d’améliorer leur maîtrise du français en situation professionnelle ou d’insertion professionnelle",
    },
    {
      label: 'Bâtir les premières étapes du projet professionnel ou le consolider',
      description:
        "Selon la maturité du projet de la personne accompagnée, cette action devra contribuer à bâtir les premières étapes de son projet professionnel ou à le consolider. Les actions pourront proposer un ciblage sur la découverte et une meilleure connaissance de certains secteurs porteurs.",
    },
  ],
  publicProfile: [
    `Le public visé est allocataire du RSA résidant en Seine-Saint-Denis, souhaitant améliorer son niveau de langue, avec ${RSA_CONTRACT}, et :`,
    "– n’ayant pas de projet professionnel défini, ou",
    "– ayant une idée de projet professionnel dans un secteur ciblé, mais souhaitant approfondir sa connaissance afin d’être mieux à même de confirmer son projet.",
    "NB : des actions linguistiques professionnalisantes, centrées sur l’acquisition de gestes techniques spécifiques à un métier (ou à une famille de métiers donnée) et intégrant un travail sur l’apprentissage de la langue pour un public allophone, pourront également être proposées. Elles s’adresseront à un public ayant un projet professionnel défini et validé et devront se référer aux exigences de la fiche 4 « Pré-qualification / professionnalisation » du présent appel à projets.",
  ].join('\n'),
  pedagogicalObjectives: [
    {
      label: "Développer des apprentissages de la langue dans le cadre d’un travail sur le projet professionnel",
      description:
        "Les actions proposées devront permettre l’acquisition des compétences de compréhension et d’expression écrite et orale liées au monde professionnel, et l’élaboration ou l’approfondissement du projet professionnel.",
    },
    {
      label:
        "Approfondir ses connaissances et sa maîtrise de la langue liées à la découverte d’un secteur ou d’un métier ciblé",
    },
    {
      label: "Objectifs de compréhension et d’expression et niveau attendu en fin d’action",
      description:
        "Le porteur de projet précisera, pour chaque type d’action, les objectifs poursuivis de compréhension et d’expression, en situation d’insertion professionnelle ou en situation professionnelle, en détaillant le niveau attendu en fin d’action. L’utilisation de référentiels du type CléA, ou de méthodes inspirées d'« Operandi », etc. est encouragée en complémentarité du CECRL.",
      items: [
        {
          label: 'Comprendre et savoir répondre à des questions sur son expérience, son projet, son parcours, ses choix…',
          description: "À titre d’exemple.",
        },
        {
          label:
            "Comprendre une consigne professionnelle, une offre d’emploi, une fiche de poste, les principaux éléments d’un contrat de travail…",
          description: "À titre d’exemple.",
        },
        {
          label: 'Savoir présenter et valoriser son expérience, son projet, son parcours, ses compétences…',
          description: "À titre d’exemple.",
        },
        {
          label:
            'Savoir remplir des formulaires, rendre compte des principaux événements de la journée, produire un écrit argumenté en réponse à une question professionnelle…',
          description: "À titre d’exemple.",
        },
      ],
    },
  ],
  requirements: [
    {
      section: 'contenu',
      label: 'Modules de découverte du monde professionnel',
      description:
        "Apprentissage de la langue dans le cadre d’un travail sur le projet professionnel : l’action devra inclure des modules de découverte du monde professionnel avec contact avec le monde professionnel et/ou d’aide à l’émergence d’un projet professionnel, en interne ou en mobilisant un partenariat propre à l’organisme ou dans le PDI, et ce pour tout niveau de maîtrise de la langue.",
    },
    {
      section: 'contenu',
      label: 'Ciblage de secteurs porteurs',
      description:
        "Connaissance et maîtrise de la langue liées à la découverte d’un secteur ou d’un métier ciblé : l’action pourra cibler quelques secteurs porteurs, permettant de découvrir le vocabulaire et l’environnement des secteurs visés, dans l’objectif d’atteindre le niveau pour entrer en qualification ou en pré-qualification dans le secteur visé. Des périodes en entreprise pourront ainsi être envisagées pour confirmer le projet professionnel.",
    },
    {
      section: 'note',
      label: "Codes ROME et secteurs pourvoyeurs d’emploi (action spécialisée sur des secteurs porteurs)",
      description:
        "En cas de proposition d’action spécialisée sur un ou plusieurs secteurs porteurs, la note d’opportunité du dossier de candidature devra faire apparaître le ou les codes ROME correspondants et démontrer que les secteurs abordés sont pourvoyeurs d’emploi, sachant qu’il est rappelé que les actions linguistiques professionnalisantes (apprentissage de gestes techniques) devront respecter le cahier des charges de la fiche « Pré-qualification / professionnalisation » du présent appel à projets.",
    },
    {
      section: 'contenu',
      label: 'Repérage des compétences transférables',
      description:
        "Pour toutes les actions : le porteur de projet sera attentif, dans la mise en œuvre de l’action, au repérage des compétences transférables des personnes accompagnées, du fait d’expériences antérieures, notamment dans leur pays d’origine.",
    },
    {
      section: 'public',
      label: 'Profils cibles',
      description: [
        'Les actions devront spécifier le ou les profils cibles :',
        "– personnes peu (moins de 6 ans) ou pas scolarisées dans leur pays d’origine / personnes scolarisées ;",
        "– personnes non communicantes / communicantes / à l’aise à l’oral ;",
        "– le niveau minimum du CECRL requis, ceci afin de contribuer à la lisibilité de l’offre globale de formation en compétences linguistiques.",
      ].join('\n'),
    },
    {
      section: 'contenu',
      label: 'Mixage des publics',
      description:
        "Une attention particulière sera portée aux actions favorisant le mixage des publics selon les niveaux linguistiques et les profils d’apprentissage, les entrées et sorties permanentes…",
    },
    {
      section: 'contenu',
      label: 'Évaluation des besoins linguistiques au recrutement',
      description:
        "Lors de la phase de recrutement, l’organisme devra évaluer les besoins en linguistique des candidats accueillis. Ces besoins devront être communiqués aux prescripteurs via la fiche de prescription.",
    },
    FREE_TIME_FOR_PAPERWORK,
    {
      section: 'contenu',
      label: 'Niveau de langue atteint et besoins linguistiques en fin de formation',
      description:
        "À la fin de la formation, l’organisme devra déterminer le niveau de langue atteint par le bénéficiaire et évaluer ses besoins en linguistique, ceci afin de favoriser la fluidité des apprentissages linguistiques si une suite de parcours s’avère nécessaire. Le niveau d’élaboration du projet professionnel devra également être transmis aux prescripteurs. En fin de formation, les stagiaires pourront être présentés à des examens linguistiques auprès d’un centre agréé.",
    },
    {
      section: 'moyens',
      label: "Articulation avec les « Compétences de base professionnelles » et les formations de l’OFII",
      description:
        "Il est rappelé que la mobilisation des actions « Compétences de base professionnelles » (dispositif régional) ainsi que les formations de l’OFII (pour les personnes ayant signé un Contrat d’Intégration Républicaine) participent également de la construction de parcours ciblés sur le français compétence professionnelle pour les personnes en insertion. Les porteurs de projet seront attentifs aux articulations potentielles entre ces actions et les projets qui seront déposés.",
    },
  ],
  evaluationCriteria: [COMPLIANCE_WITH_APPLICATION],
  indicators: [
    { label: "Nombre d’entretiens" },
    { label: "Nombre d’ateliers" },
    { label: 'Nombre de bénéficiaires' },
    { label: 'Suites de parcours' },
    { label: 'Évaluation des compétences acquises / à acquérir', description: SKILLS_ASSESSMENT_TOOLS },
    { label: ACCESS_TO_TRAINING_OR_JOB, timing: AFTER_THREE_MONTHS },
  ],
};
