import { Extension } from '@tiptap/core';

/**
 * Adds `sectionId` to headings (rendered as `data-section`): a document created from a template
 * keeps the link between its headings and the template's sections even after a rename, so the
 * completeness rules still find the sections.
 */
export const SectionHeading = Extension.create({
  name: 'sectionHeading',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          sectionId: {
            default: null,
            parseHTML: (element) => element.getAttribute('data-section'),
            renderHTML: (attributes) =>
              typeof attributes.sectionId === 'string' && attributes.sectionId !== ''
                ? { 'data-section': attributes.sectionId }
                : {},
          },
        },
      },
    ];
  },
});
