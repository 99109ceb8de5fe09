import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  ImageBlock,
  KnownBlock,
  SectionBlock,
} from '@slack/types';

/** A few small builders instead of repeated Block Kit literals. */
export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
export const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** Clip to Slack's limit for a field, with an ellipsis rather than a refusal. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function header(text: string, blockId?: string): HeaderBlock {
  return { type: 'header', text: plain(clip(text, 150)), ...(blockId ? { block_id: blockId } : {}) };
}

export function section(text: string, blockId?: string): SectionBlock {
  return { type: 'section', text: mrkdwn(clip(text, 3000)), ...(blockId ? { block_id: blockId } : {}) };
}

export function fields(items: readonly string[], blockId?: string): SectionBlock {
  return {
    type: 'section',
    fields: items.slice(0, 10).map((f) => mrkdwn(clip(f, 2000))),
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export function context(texts: readonly string[], blockId?: string): ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, 10).map((t) => mrkdwn(clip(t, 3000))),
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export function image(url: string, altText: string, blockId?: string, title?: string): ImageBlock {
  return {
    type: 'image',
    image_url: url,
    alt_text: clip(altText, 2000),
    ...(title ? { title: plain(clip(title, 2000)) } : {}),
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export interface ButtonOptions {
  readonly text: string;
  readonly actionId: string;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
  readonly accessibilityLabel?: string;
}

export function button(options: ButtonOptions): Button {
  return {
    type: 'button',
    text: plain(clip(options.text, 75)),
    action_id: options.actionId,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.style ? { style: options.style } : {}),
    ...(options.accessibilityLabel ? { accessibility_label: clip(options.accessibilityLabel, 75) } : {}),
  };
}

export function actions(elements: ActionsBlock['elements'], blockId?: string): ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, 25), ...(blockId ? { block_id: blockId } : {}) };
}

/** A modal input: `element` gets the action id; `extra` carries `hint`, `optional`. */
export function input(
  ids: { readonly block: string; readonly action: string },
  label: string,
  element: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: ids.block,
    label: plain(label),
    element: { action_id: ids.action, ...element },
    ...extra,
  } as KnownBlock;
}
