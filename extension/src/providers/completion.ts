import * as vscode from 'vscode';
import { isAnsibleYaml } from '../documents.js';
import { toRange, type CompletionItem, type Engine } from '../engine.js';

// Completion of altdisk module names, options, values and disk names: the engine's items as they are.

const KIND: Record<CompletionItem['kind'], vscode.CompletionItemKind> = {
  module: vscode.CompletionItemKind.Module,
  option: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  disk: vscode.CompletionItemKind.Reference,
  keyword: vscode.CompletionItemKind.Keyword,
};

export class CompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggers = [':', ' ', '.', '-'];

  constructor(private readonly engine: Engine) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    if (!isAnsibleYaml(doc)) return [];
    return this.engine.complete(doc, pos).map((c) => {
      const item = new vscode.CompletionItem(c.label, KIND[c.kind]);
      item.detail = c.detail;
      if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
      if (c.insertText !== undefined) item.insertText = c.insertText;
      if (c.range) item.range = toRange(c.range);
      if (c.sortText) item.sortText = c.sortText;
      return item;
    });
  }
}
