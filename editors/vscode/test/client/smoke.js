// A second real client: vscode-languageserver-protocol (the library under vscode-languageclient)
// drives `mmudsl lsp` over stdio. Usage: node test/client/smoke.js COMMAND [ARGS...] (ARGS before
// `lsp`), e.g. node test/client/smoke.js dotnet path/to/mmudsl.dll. Exits 0 when every check held.
'use strict';

const { spawn } = require('child_process');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-languageserver-protocol/node');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node test/client/smoke.js COMMAND [ARGS...]');
  process.exit(2);
}

const server = spawn(command, [...args, 'lsp', '--debounce-ms', '10'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const timer = setTimeout(() => fail('timed out after 60 s'), 60000);

function fail(message) {
  console.error(`FAIL: ${message}`);
  server.kill();
  process.exit(1);
}

function check(condition, message) {
  if (!condition) {
    fail(message);
  }
  console.log(`ok: ${message}`);
}

async function main() {
  const uri = pathToFileURL(path.resolve(__dirname, 'smoke-untitled.mmu')).href;
  const published = [];
  let wake = () => {};
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => { published.push(p); wake(); });
  connection.listen();
  const diagnosticsOf = async (version) => {
    for (;;) {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) {
        return found.diagnostics;
      }
      await new Promise((resolve) => { wake = resolve; });
    }
  };

  const init = await connection.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  check(init.capabilities.textDocumentSync.change === rpc.TextDocumentSyncKind.Incremental, 'initialize: incremental sync');
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'mmu', version: 1, text: 'root R level 2\nlink R[0] L\npage L level 1\n' },
  });
  const broken = await diagnosticsOf(1);
  check(broken.length === 1 && broken[0].range.start.line === 1 && broken[0].range.start.character === 10, 'a syntax error at 2:11');

  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } }, text: 'page L level 1\nlink R[0] -> L' },
    ],
  });
  check((await diagnosticsOf(2)).length === 0, 'fixed by incremental edits: no diagnostic');

  const hover = await connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 5 } });
  check(hover && hover.contents.value.includes('R L2 root unsync_children=0 bitmap={}'), 'hover on R shows its show line');

  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  server.on('exit', (code) => {
    clearTimeout(timer);
    check(code === 0, 'shutdown then exit: exit code 0');
    process.exit(0);
  });
}

main().catch((error) => fail(String(error && error.stack || error)));
