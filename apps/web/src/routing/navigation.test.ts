import { describe, expect, it } from 'vitest';
import { ACCOUNT_PATH, documentPath, parseRoute, submissionPath, workspacePath } from './navigation.js';

describe('parseRoute', () => {
  it('maps the list and document paths, and round-trips documentPath', () => {
    expect(parseRoute('/')).toEqual({ page: 'list' });
    expect(parseRoute(documentPath('1_AciVKMM_ykjepET7Ml_w'))).toEqual({ page: 'document', id: '1_AciVKMM_ykjepET7Ml_w' });
    expect(parseRoute('/d/abc/')).toEqual({ page: 'document', id: 'abc' });
    expect(parseRoute(workspacePath('ws_1'))).toEqual({ page: 'workspace', id: 'ws_1' });
    expect(parseRoute('/invitation/i_AbC-123')).toEqual({ page: 'invitation', token: 'i_AbC-123' });
    expect(parseRoute('/invitation/a b')).toEqual({ page: 'notFound' });
    expect(parseRoute(ACCOUNT_PATH)).toEqual({ page: 'account' });
    expect(parseRoute('/compte/')).toEqual({ page: 'account' });
    expect(parseRoute(submissionPath('doc_1', 'v-2'))).toEqual({ page: 'submission', documentId: 'doc_1', submissionId: 'v-2' });
    expect(parseRoute('/d/doc_1/versions/')).toEqual({ page: 'notFound' });
  });

  it('refuses ids the server would refuse, rather than opening a socket for them', () => {
    expect(parseRoute('/d/')).toEqual({ page: 'notFound' });
    expect(parseRoute('/d/a.b')).toEqual({ page: 'notFound' });
    expect(parseRoute(`/d/${'x'.repeat(65)}`)).toEqual({ page: 'notFound' });
    expect(parseRoute('/autre')).toEqual({ page: 'notFound' });
  });
});
