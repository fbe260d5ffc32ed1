// Entry of `isms-language-server` (stdio with --stdio, IPC or sockets as the
// client asks): it only creates the connection.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
