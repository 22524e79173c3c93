import { proseMirrorJSONToUpdate, type ProseMirrorJSON } from '@canevas/core';
import { newDocumentId } from '../documentId.js';
import type { DocumentStore } from '../store/DocumentStore.js';

const heading = (level: number, text: string): ProseMirrorJSON => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const bullets = (...items: string[]): ProseMirrorJSON => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

const DEMO_DOCUMENTS: { title: string; content: ProseMirrorJSON }[] = [
  {
    title: 'Plan de communication — Territoire de Lormont',
    content: {
      type: 'doc',
      content: [
        heading(1, 'Plan de communication — Territoire de Lormont'),
        paragraph(
          'Ce plan présente les actions de communication du projet Territoire zéro chômeur de longue durée auprès des habitants, des entreprises et des partenaires institutionnels.',
        ),
        heading(2, 'Publics visés'),
        bullets(
          'Personnes privées durablement d’emploi du quartier de Génicart',
          'Entreprises et associations du territoire',
          'Élus et membres du comité local pour l’emploi',
        ),
        heading(2, 'Actions prévues'),
        paragraph('Réunions publiques trimestrielles, lettre d’information mensuelle et permanence hebdomadaire à la maison de quartier.'),
      ],
    },
  },
  {
    title: 'Plan d’actions — Comité local pour l’emploi',
    content: {
      type: 'doc',
      content: [
        heading(1, 'Plan d’actions — Comité local pour l’emploi'),
        heading(2, 'Phase 1 : mobilisation du territoire'),
        paragraph('Recenser les acteurs, constituer le comité local et valider la méthode de travail.'),
        heading(2, 'Phase 2 : rencontre des personnes privées d’emploi'),
        paragraph('Organiser des entretiens individuels et collectifs pour recueillir les compétences et les souhaits de chacun.'),
      ],
    },
  },
  {
    title: 'Dossier de certification — Accompagnement vers l’emploi',
    content: {
      type: 'doc',
      content: [
        heading(1, 'Dossier de certification'),
        paragraph('Présentation de mon parcours professionnel et des situations d’accompagnement que j’ai conduites.'),
        heading(2, 'Situation 1 : premier entretien de diagnostic'),
        paragraph('À compléter.'),
      ],
    },
  },
];

/** Seeds a demo workspace, only into an empty store. Returns the number of documents created. */
export async function seedDemo(store: DocumentStore): Promise<number> {
  if ((await store.countDocuments()) > 0) return 0;
  const now = Date.now();
  for (const [index, { title, content }] of DEMO_DOCUMENTS.entries()) {
    await store.createDocument({
      id: newDocumentId(),
      title,
      workspaceId: null,
      referentialId: null,
      templateId: null,
      // Distinct timestamps keep the listing order stable.
      createdAt: now - index,
      snapshot: proseMirrorJSONToUpdate(content),
    });
  }
  return DEMO_DOCUMENTS.length;
}
