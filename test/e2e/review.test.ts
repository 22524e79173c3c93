import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DOCUMENT_FIELD } from '@canevas/core';
import { newClient, newTrpcClient, workspaceReferentials, writeInSection, type TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { editorContent, expectConnectedAndPersisted, expectText, textOf, UI_TIMEOUT } from './support/pageHelpers.js';
import { newMember, signedInContext } from './support/signIn.js';
import { startApp } from './support/startApp.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startApp({ referentials: await workspaceReferentials() }), launchChromium()]);
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function pageIn(context: BrowserContext): Promise<Page> {
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  return page;
}

/** Selects `text` in the document as a mouse drag would: the editor reads the page's selection. */
async function selectInEditor(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.getElementById('document-editor');
    if (!root) throw new Error('pas d’éditeur');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(needle) ?? -1;
      if (index >= 0) {
        document.getSelection()?.setBaseAndExtent(node, index, node, index + needle.length);
        return;
      }
    }
    throw new Error(`texte introuvable : ${needle}`);
  }, text);
}

async function expectEnabled(button: Locator): Promise<void> {
  await expect.poll(() => button.getAttribute('aria-disabled'), { timeout: UI_TIMEOUT }).toBeNull();
}

function commentsPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Commentaires' });
}

function criterion(page: Page, code: string): Locator {
  return page.locator(`[data-criterion="${code}"]`);
}

/** The words of the document, without the others' caret labels. */
function words(page: Page): Promise<string> {
  return editorContent(page).evaluate((element) => {
    const clone = element.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return (clone.textContent ?? '').replace(/\s+/g, ' ');
  });
}

/** Presses `key` until `done` holds (a keyboard user watching the caret), at most `max` times. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 200): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    if (await done()) return;
    if (presses < max) await page.keyboard.press(key);
  }
  throw new Error(`${key} pressé ${max} fois sans atteindre le but`);
}

/** The text after the caret in its text node, and the selected text (the page's selection). */
function caret(page: Page): Promise<{ after: string; selected: string }> {
  return page.evaluate(() => {
    const selection = document.getSelection();
    const node = selection?.focusNode;
    const after = node?.nodeType === Node.TEXT_NODE ? (node.textContent ?? '').slice(selection?.focusOffset ?? 0) : '';
    return { after, selected: selection?.toString() ?? '' };
  });
}

/**
 * The text the editor holds as selected. ProseMirror takes in a keyboard selection on the next
 * selectionchange event, a moment after the page's selection moved: a shortcut pressed before
 * that acts on the previous selection (here, the passage less its last letter).
 */
function editorSelection(page: Page): Promise<string> {
  return page.evaluate(() => {
    type EditorElement = HTMLElement & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number): string } } } };
    const state = (document.getElementById('document-editor') as EditorElement | null)?.editor?.state;
    return state ? state.doc.textBetween(state.selection.from, state.selection.to) : '';
  });
}

const SENTENCE = 'J’ai accompagné douze demandeurs d’emploi vers une création d’entreprise en 2025.';
const PASSAGE = 'douze demandeurs d’emploi';

it('a tutor comments and assesses a candidate’s dossier live, and reads a submitted version while the draft moves on', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({
    title: 'Dossier de validation de Léa',
    referentialId: 'anpe',
    templateId: 'dossier-validation',
  });
  const writer = newClient(server.syncUrl, id);
  await writer.synced;
  writeInSection(writer.doc, 'c1', SENTENCE);
  const tutorAccount = await newMember(server, 'Marc Tuteur', 'tutor');

  // The candidate owns the dossier (the test server's administrator, « Administratrice »).
  const candidate = await pageIn(await signedInContext(browser, server.url, server.admin));
  const tutor = await pageIn(await signedInContext(browser, server.url, tutorAccount));
  await Promise.all([candidate.goto(`${server.url}/d/${id}`), tutor.goto(`${server.url}/d/${id}`)]);
  await Promise.all([expectText(editorContent(candidate), SENTENCE), expectText(editorContent(tutor), SENTENCE)]);
  writer.destroy();

  // The tutor cannot edit: no formatting, only the review toolbar.
  const review = tutor.getByRole('toolbar', { name: 'Relecture' });
  expect(await review.getByRole('button', { name: 'Gras' }).count()).toBe(0);
  const commentButton = review.getByRole('button', { name: 'Commenter' });
  expect(await commentButton.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+M');

  // The announced shortcut opens the dialog on the selected passage; Escape closes it.
  await selectInEditor(tutor, PASSAGE);
  await expectEnabled(commentButton);
  await tutor.keyboard.press('Control+Alt+m');
  const dialog = tutor.getByRole('dialog', { name: 'Commenter le passage' });
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  await tutor.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

  // The tutor selects a passage and comments it, about C1.
  await selectInEditor(tutor, PASSAGE);
  await expectEnabled(commentButton);
  await commentButton.click();
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  expect(await textOf(dialog.locator('blockquote'))).toBe(PASSAGE);
  await dialog.getByLabel('Votre commentaire').fill('Précisez le public accueilli et votre rôle exact.');
  await dialog.getByLabel('Critère concerné (facultatif)').selectOption('c1');
  await dialog.getByRole('button', { name: 'Publier' }).click();
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

  // The candidate sees it live: the thread in the panel, announced, and the passage highlighted.
  const candidateThread = commentsPanel(candidate).locator('.thread').first();
  await expectText(candidateThread, 'Précisez le public accueilli et votre rôle exact.');
  await expectText(candidateThread, 'Marc Tuteur');
  await expectText(candidateThread, `« ${PASSAGE} »`);
  await expectText(candidateThread, 'C1');
  await expectText(commentsPanel(candidate).locator('[aria-live="polite"]'), 'Nouveau commentaire de Marc Tuteur');
  await expectText(editorContent(candidate).locator('.comment-highlight'), PASSAGE);

  // The candidate replies; the tutor sees the reply live.
  await candidateThread.getByRole('button', { name: 'Répondre' }).click();
  await candidateThread.getByLabel('Votre réponse').fill('Des créateurs d’entreprise, que j’ai suivis pendant six mois.');
  await candidateThread.getByRole('button', { name: 'Publier la réponse' }).click();
  const tutorThread = commentsPanel(tutor).locator('.thread').first();
  await expectText(tutorThread, 'Des créateurs d’entreprise, que j’ai suivis pendant six mois.');
  await expectText(tutorThread, 'Administratrice');
  // The tutor may edit their own comment, not the candidate's.
  expect(await tutorThread.getByRole('button', { name: 'Modifier' }).count()).toBe(1);

  // A click on the thread selects its passage in the (read-only) text.
  await tutorThread.getByRole('button', { name: /Aller au passage/ }).click();
  await expect.poll(() => tutor.evaluate(() => document.getSelection()?.toString()), { timeout: UI_TIMEOUT }).toBe(PASSAGE);

  // The tutor resolves the thread: it leaves the open threads, and shows under « Résolus ».
  await tutorThread.getByRole('button', { name: 'Résoudre' }).click();
  await expectText(commentsPanel(candidate), 'Aucun fil ouvert');
  await commentsPanel(candidate).getByLabel('Résolus (1)').check();
  await expectText(commentsPanel(candidate).locator('.thread'), 'Résolu par Marc Tuteur');
  await commentsPanel(candidate).getByLabel('Critère', { exact: true }).selectOption('c1');
  await expectText(commentsPanel(candidate), '1 fil résolu');

  // The tutor assesses C1 twice; the candidate's panel shows the level, the feedback and the history.
  const tutorC1 = criterion(tutor, 'C1');
  await tutorC1.locator('.criterion__toggle').click();
  await tutorC1.getByLabel('Niveau pour C1').selectOption('partiellement-maitrisee');
  await tutorC1.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expectText(tutorC1.locator('.criterion__head'), 'Partiellement maîtrisée');
  await tutorC1.getByLabel('Niveau pour C1').selectOption('maitrisee');
  await tutorC1.getByLabel(/Retour écrit pour C1/).fill('Trois situations précises, une démarche claire.');
  await tutorC1.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expectText(tutor.getByRole('status').filter({ hasText: 'Évaluation de C1' }), 'Évaluation de C1 enregistrée : Maîtrisée.');

  const candidateC1 = criterion(candidate, 'C1');
  await expectText(candidateC1.locator('.criterion__head'), 'Maîtrisée');
  await candidateC1.locator('.criterion__toggle').click();
  await expectText(candidateC1, 'Trois situations précises, une démarche claire.');
  await expectText(candidateC1, 'niveau requis atteint');
  expect(await candidateC1.getByLabel('Niveau pour C1').count()).toBe(0);
  await candidateC1.getByRole('button', { name: /Historique \(2 changements\)/ }).click();
  const history = candidateC1.getByRole('list', { name: 'Historique de l’évaluation de C1' });
  await expectText(history, 'Partiellement maîtrisée → Maîtrisée — Marc Tuteur');
  await expectText(history, 'Non évalué → Partiellement maîtrisée — Marc Tuteur');
  // A comment on the criterion alone; the candidate lists C1's threads from the criterion.
  await tutorC1.getByRole('button', { name: /Commenter ce critère/ }).click();
  const onCriterion = tutor.getByRole('dialog', { name: 'Commenter le critère' });
  await onCriterion.getByLabel('Votre commentaire').fill('Ajoutez une troisième situation.');
  await onCriterion.getByRole('button', { name: 'Publier' }).click();
  await onCriterion.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await expectText(commentsPanel(tutor).locator('.thread').first(), 'Critère C1');
  await candidateC1.getByRole('button', { name: 'Voir les 2 fils sur C1' }).click();
  await expect.poll(() => candidate.evaluate(() => document.activeElement?.textContent), { timeout: UI_TIMEOUT }).toBe('Commentaires');
  await expectText(commentsPanel(candidate), '2 fils');
  await expectText(commentsPanel(candidate), 'Ajoutez une troisième situation.');

  // The decision follows the live assessments: C2 and C3 still wait.
  const decision = candidate.getByRole('region', { name: 'Décision' });
  await expectText(decision, 'compétences clefs');
  await expectText(decision, 'En cours d’évaluation (1 compétence clé évaluée sur 3)');

  // The candidate submits a version, then keeps writing in the draft.
  await candidate.getByRole('button', { name: /^Soumettre/ }).click();
  const submit = candidate.getByRole('dialog', { name: 'Soumettre une version' });
  const name = submit.getByLabel('Nom de la version');
  expect(await name.inputValue()).toMatch(/^Version du \d{1,2} \S+ \d{4}$/);
  await name.fill('Version pour la commission');
  await submit.getByRole('button', { name: 'Soumettre' }).click();
  const confirmation = candidate.getByRole('dialog', { name: 'Version soumise' });
  await expectText(confirmation, 'La version « Version pour la commission » est soumise');
  await confirmation.getByRole('button', { name: 'Fermer' }).click();
  await expectText(candidate.getByRole('region', { name: 'Versions soumises' }), 'Version pour la commission');

  await editorContent(candidate).getByText(SENTENCE).click();
  await candidate.keyboard.press('End');
  await candidate.keyboard.type(' Suite écrite après la soumission.');
  await expectConnectedAndPersisted(candidate);

  // The tutor opens the submitted version: frozen, read-only, without the later words.
  const versions = tutor.getByRole('region', { name: 'Versions soumises' });
  await versions.getByRole('button', { name: /Actualiser/ }).click();
  await versions.getByRole('link', { name: 'Version pour la commission' }).click();
  await tutor.getByRole('heading', { level: 1, name: 'Version pour la commission' }).waitFor({ timeout: UI_TIMEOUT });
  const frozen = tutor.getByRole('document', { name: 'Contenu de la version soumise' });
  await expectText(frozen, SENTENCE);
  expect(await textOf(frozen)).not.toContain('Suite écrite après la soumission.');
  expect(await frozen.getAttribute('contenteditable')).toBe('false');
  await expectText(tutor.getByRole('note'), 'Le brouillon a pu évoluer depuis.');
  await expectText(editorContent(candidate), `${SENTENCE} Suite écrite après la soumission.`);

  // Deleting the commented words keeps the thread, with its original passage, as « passage supprimé ».
  await editorContent(candidate).focus();
  await selectInEditor(candidate, PASSAGE);
  await expect.poll(() => candidate.evaluate(() => document.getSelection()?.toString()), { timeout: UI_TIMEOUT }).toBe(PASSAGE);
  await candidate.keyboard.press('Backspace');
  const detached = commentsPanel(candidate).locator('.thread', { hasText: 'Précisez le public accueilli' });
  await expectText(detached, 'Passage supprimé');
  await expectText(detached, `« ${PASSAGE} »`);

  // The owner's access log shows who opened the version.
  await candidate.getByRole('button', { name: 'Journal des accès' }).click();
  const log = candidate.getByRole('table', { name: /Journal des accès/ });
  await expectText(log, 'Marc Tuteur');
  await expectText(log, 'A consulté une version soumise');
});

it('on a TZCLD dossier, the tutor cannot change the text, and sets CP1’s first criterion to « Acquis » for the candidate to see', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Dossier écrit TZCLD', referentialId: 'tzcld', templateId: 'dossier-ecrit' });
  const tutorAccount = await newMember(server, 'Nadia Tutrice', 'tutor');
  const candidate = await pageIn(await signedInContext(browser, server.url, server.admin));
  const tutor = await pageIn(await signedInContext(browser, server.url, tutorAccount));
  await Promise.all([candidate.goto(`${server.url}/d/${id}`), tutor.goto(`${server.url}/d/${id}`)]);
  await expectConnectedAndPersisted(candidate);
  const before = await words(candidate);

  // Typing into the text does nothing for a tutor: the editor is read-only (and the server would drop it anyway).
  await editorContent(tutor).click();
  await tutor.keyboard.type('Texte du tuteur');
  expect(await editorContent(tutor).getAttribute('aria-readonly')).toBe('true');
  expect(await words(tutor)).not.toContain('Texte du tuteur');
  expect(await words(candidate)).toBe(before);

  const tutorCriterion = criterion(tutor, 'CP1-C1');
  await tutorCriterion.locator('.criterion__toggle').click();
  await tutorCriterion.getByLabel('Niveau pour CP1-C1').selectOption('acquis');
  await tutorCriterion.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expectText(criterion(candidate, 'CP1-C1').locator('.criterion__head'), 'Acquis');
});

it('a tutor comments a passage by keyboard only, and nothing typed changes the text', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({
    title: 'Dossier de Sami',
    referentialId: 'anpe',
    templateId: 'dossier-validation',
  });
  const writer = newClient(server.syncUrl, id);
  await writer.synced;
  writeInSection(writer.doc, 'c1', SENTENCE);
  const stored = writer.doc.getXmlFragment(DOCUMENT_FIELD).toString();
  writer.destroy();
  const tutorAccount = await newMember(server, 'Inès Tutrice', 'tutor');
  const candidate = await pageIn(await signedInContext(browser, server.url, server.admin));
  const tutor = await pageIn(await signedInContext(browser, server.url, tutorAccount));
  await Promise.all([candidate.goto(`${server.url}/d/${id}`), tutor.goto(`${server.url}/d/${id}`)]);
  await Promise.all([expectText(editorContent(candidate), SENTENCE), expectText(editorContent(tutor), SENTENCE)]);
  await expectConnectedAndPersisted(tutor);
  const before = await words(tutor);

  // Tab reaches the text; the arrows move a caret down to the sentence.
  await pressUntil(tutor, 'Tab', () => tutor.evaluate(() => document.activeElement?.id === 'document-editor'), 60);
  await pressUntil(tutor, 'ArrowDown', async () => (await caret(tutor)).after.includes(PASSAGE));
  await tutor.keyboard.press('Home');

  // Nothing typed reaches the text, here or on the server.
  await tutor.keyboard.type('Texte du tuteur');
  for (const key of ['Enter', 'Backspace', 'Delete', 'Control+b', 'Control+z']) await tutor.keyboard.press(key);
  expect(await words(tutor)).toBe(before);

  // Ctrl+Alt+M without a passage says why it does nothing.
  await tutor.keyboard.press('Control+Alt+m');
  const why = tutor.getByRole('status').filter({ hasText: 'Sélectionnez d’abord un passage' });
  await expectText(why, 'Maj + flèches');
  // Said again on a second try: the live region's text changes.
  const said = await why.textContent();
  await tutor.keyboard.press('Control+Alt+m');
  await expect.poll(() => why.textContent(), { timeout: UI_TIMEOUT }).not.toBe(said);

  // Shift+arrows select the passage; the shortcut opens the dialog on it; Ctrl+Enter publishes.
  await pressUntil(tutor, 'ArrowRight', async () => (await caret(tutor)).after.startsWith(PASSAGE));
  await pressUntil(tutor, 'Shift+ArrowRight', async () => (await caret(tutor)).selected === PASSAGE, PASSAGE.length);
  await expect.poll(() => editorSelection(tutor), { timeout: UI_TIMEOUT }).toBe(PASSAGE);
  await expectEnabled(tutor.getByRole('toolbar', { name: 'Relecture' }).getByRole('button', { name: 'Commenter' }));
  await tutor.keyboard.press('Control+Alt+m');
  const dialog = tutor.getByRole('dialog', { name: 'Commenter le passage' });
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  expect(await textOf(dialog.locator('blockquote'))).toBe(PASSAGE);
  await expect.poll(() => tutor.evaluate(() => document.activeElement?.tagName), { timeout: UI_TIMEOUT }).toBe('TEXTAREA');
  await tutor.keyboard.type('Combien en ont créé une ?');
  await tutor.keyboard.press('Control+Enter');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

  // The candidate sees the comment on the passage; the text is unchanged, here and on the server.
  const thread = commentsPanel(candidate).locator('.thread').first();
  await expectText(thread, 'Combien en ont créé une ?');
  await expectText(thread, `« ${PASSAGE} »`);
  await expectText(editorContent(candidate).locator('.comment-highlight'), PASSAGE);
  expect(await words(tutor)).toBe(before);
  const reader = newClient(server.syncUrl, id);
  try {
    await reader.synced;
    expect(reader.doc.getXmlFragment(DOCUMENT_FIELD).toString()).toBe(stored);
  } finally {
    reader.destroy();
  }

  // A viewer selects by keyboard too, to read; the comment shortcut says why it does nothing.
  const viewer = await pageIn(await signedInContext(browser, server.url, await newMember(server, 'Lou Lectrice', 'viewer')));
  await viewer.goto(`${server.url}/d/${id}`);
  await expect.poll(() => words(viewer), { timeout: UI_TIMEOUT }).toContain(SENTENCE);
  await editorContent(viewer).focus();
  // The comment's highlight splits the sentence's text: look at the caret's paragraph.
  const caretParagraph = () =>
    viewer.evaluate(() => {
      const node = document.getSelection()?.focusNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest('p')?.textContent ?? '';
    });
  await pressUntil(viewer, 'ArrowDown', async () => (await caretParagraph()).includes(PASSAGE));
  await pressUntil(viewer, 'Shift+ArrowDown', async () => (await caret(viewer)).selected.includes(SENTENCE.slice(-10)));
  await expect.poll(() => editorSelection(viewer), { timeout: UI_TIMEOUT }).toContain(SENTENCE.slice(-10));
  await viewer.keyboard.press('Control+Alt+m');
  await expectText(viewer.getByRole('status').filter({ hasText: 'En tant que lecteur' }), 'pas le commenter');
  expect(await viewer.getByRole('dialog').count()).toBe(0);
});
