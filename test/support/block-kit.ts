import { expect } from 'vitest';

type Json = Record<string, unknown>;

const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  imageUrl: 3000,
  altText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  optionValue: 150,
  optionText: 75,
  id: 255,
  messageText: 4000,
} as const;

function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null ? String((value as Json).text ?? '') : '';
}

function checkElement(element: Json, where: string, actionIds: Set<string>): void {
  const actionId = element.action_id;
  if (typeof actionId === 'string') {
    expect(actionId.length, `${where} action_id`).toBeLessThanOrEqual(LIMITS.id);
    expect(actionIds.has(actionId), `${where} duplicate action_id ${actionId}`).toBe(false);
    actionIds.add(actionId);
  }
  if (element.type === 'button') {
    expect(textOf(element.text).length, `${where} button text`).toBeLessThanOrEqual(LIMITS.buttonText);
    expect(String(element.value ?? '').length, `${where} button value`).toBeLessThanOrEqual(LIMITS.buttonValue);
    if (element.style !== undefined) expect(['primary', 'danger']).toContain(element.style);
  }
  for (const option of (element.options as Json[] | undefined) ?? []) {
    expect(String(option.value).length, `${where} option value`).toBeLessThanOrEqual(LIMITS.optionValue);
    expect(textOf(option.text).length, `${where} option text`).toBeLessThanOrEqual(LIMITS.optionText);
  }
}

function checkBlock(block: Json, where: string, actionIds: Set<string>): void {
  if (typeof block.block_id === 'string') expect(block.block_id.length).toBeLessThanOrEqual(LIMITS.id);
  switch (block.type) {
    case 'header':
      expect(textOf(block.text).length, `${where} header`).toBeLessThanOrEqual(LIMITS.headerText);
      expect((block.text as Json).type).toBe('plain_text');
      break;
    case 'section': {
      const fields = (block.fields as Json[] | undefined) ?? [];
      expect(block.text !== undefined || fields.length > 0, `${where} section needs text or fields`).toBe(true);
      if (block.text !== undefined) {
        const text = textOf(block.text);
        expect(text.length, `${where} section text`).toBeGreaterThan(0);
        expect(text.length, `${where} section text`).toBeLessThanOrEqual(LIMITS.sectionText);
      }
      expect(fields.length, `${where} fields`).toBeLessThanOrEqual(LIMITS.fields);
      for (const field of fields) expect(textOf(field).length).toBeLessThanOrEqual(LIMITS.fieldText);
      if (block.accessory) checkElement(block.accessory as Json, `${where} accessory`, actionIds);
      break;
    }
    case 'context':
      expect((block.elements as unknown[]).length, `${where} context`).toBeLessThanOrEqual(LIMITS.contextElements);
      break;
    case 'actions':
      expect((block.elements as unknown[]).length, `${where} actions`).toBeLessThanOrEqual(LIMITS.actionsElements);
      for (const element of block.elements as Json[]) checkElement(element, where, actionIds);
      break;
    case 'image':
      expect(String(block.image_url).length, `${where} image_url`).toBeLessThanOrEqual(LIMITS.imageUrl);
      expect(String(block.image_url)).toMatch(/^https?:\/\//);
      expect(String(block.alt_text).length, `${where} alt_text`).toBeGreaterThan(0);
      expect(String(block.alt_text).length, `${where} alt_text`).toBeLessThanOrEqual(LIMITS.altText);
      break;
    case 'input':
      if (block.element) checkElement(block.element as Json, where, actionIds);
      break;
    case 'divider':
      break;
    default:
      throw new Error(`${where}: unexpected block type ${String(block.type)}`);
  }
}

function checkBlocks(blocks: Json[], max: number): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(max);
  const blockIds = blocks.map((b) => b.block_id).filter((id) => id !== undefined);
  expect(new Set(blockIds).size, 'block_ids are unique').toBe(blockIds.length);
  const actionIds = new Set<string>();
  for (const [i, block] of blocks.entries()) checkBlock(block, `block ${i} (${String(block.type)})`, actionIds);
}

/** Fails the test where a message breaks any of Slack's Block Kit limits or lacks its fallback text. */
export function expectValidMessage(message: { text?: string; blocks?: unknown[] }): void {
  expect(message.text, 'fallback text').toBeTruthy();
  expect(String(message.text).length).toBeLessThanOrEqual(LIMITS.messageText);
  checkBlocks((message.blocks ?? []) as Json[], LIMITS.messageBlocks);
}

/** The same for a Home tab or modal view (100 blocks). */
export function expectValidView(view: { blocks: unknown[] }): void {
  checkBlocks(view.blocks as Json[], LIMITS.viewBlocks);
}
