// The Beable extension: starts `beable lsp` (the language server in the Beable jar) and connects
// VS Code to it over standard input and output. Highlighting comes from the TextMate grammar in
// syntaxes/, so a file is coloured even before the server is up.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('beable').get('command', 'beable');
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('beable', 'Beable', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'beable' }, { scheme: 'untitled', language: 'beable' }],
  });
  client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `Beable: could not start \`${command} lsp\` (${error.message}). Set "beable.command" to the beable launcher.`);
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
