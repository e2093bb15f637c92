// The VS Code client of `mmudsl lsp` (vscode-languageclient 11): starts the server for .mmu
// files, restarts it on a settings change, and stops it with the extension.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('mmudsl');
  const command = config.get('server.command', 'mmudsl');
  const args = [
    ...config.get('server.arguments', []),
    'lsp',
    '--time-budget-ms', String(config.get('timeBudgetMs', 2000)),
    '--debounce-ms', String(config.get('debounceMs', 50)),
  ];
  // No background GC in the server: on a small machine its concurrent marking competes with the
  // analysis (docs/editor.md, Performance). Both ways run the same process over stdio.
  const options = { env: { ...process.env, DOTNET_gcConcurrent: '0' } };
  return { run: { command, args, options }, debug: { command, args, options } };
}

async function start() {
  client = new LanguageClient(
    'mmudsl',
    'MmuDsl language server',
    serverOptions(),
    { documentSelector: [{ language: 'mmu' }] });
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `MmuDsl: could not start '${vscode.workspace.getConfiguration('mmudsl').get('server.command')} lsp' ` +
      `(set mmudsl.server.command; see the extension's README): ${error}`);
  }
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('mmudsl')) {
      await deactivate();
      await start();
    }
  }));
  await start();
}

async function deactivate() {
  if (client) {
    const stopping = client;
    client = undefined;
    await stopping.stop();
  }
}

module.exports = { activate, deactivate };
