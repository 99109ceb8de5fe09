/**
 * A view or message as a person reads it, top to bottom, one line per thing shown: `# Header`,
 * a section's text, each field, each context element, `[Button]`, `<Menu: chosen>`, `---` for a
 * divider, `(image: alt text)`. Tests compare these lines, so a changed word, a missing button or
 * blocks in another order fail — without snapshotting the whole payload.
 */
type Json = Record<string, unknown>;

const textOf = (value: unknown) => String((value as Json | undefined)?.text ?? '');

function elementLine(element: Json): string {
  switch (element.type) {
    case 'button':
      return `[${textOf(element.text)}]`;
    case 'static_select':
      return `<${textOf(element.placeholder)}: ${textOf((element.initial_option as Json | undefined)?.text)}>`;
    default:
      return `<${String(element.type)}>`;
  }
}

export function linesOf(view: { blocks: readonly unknown[] }): string[] {
  return (view.blocks as Json[]).flatMap((block): string[] => {
    switch (block.type) {
      case 'header':
        return [`# ${textOf(block.text)}`];
      case 'section':
        return [
          ...(block.text ? [textOf(block.text)] : []),
          ...((block.fields as Json[] | undefined) ?? []).map(textOf),
          ...(block.accessory ? [elementLine(block.accessory as Json)] : []),
        ];
      case 'context':
        return (block.elements as Json[]).map(textOf);
      case 'actions':
        return (block.elements as Json[]).map(elementLine);
      case 'divider':
        return ['---'];
      case 'image':
        return [`(image: ${String(block.alt_text)})`];
      case 'input':
        return [`${textOf(block.label)}: ${elementLine(block.element as Json)}`];
      default:
        return [`(${String(block.type)})`];
    }
  });
}

/** Every action id a person can click in the view, in order. */
export function actionIdsOf(view: { blocks: readonly unknown[] }): string[] {
  return (view.blocks as Json[]).flatMap((block) => {
    const elements =
      block.type === 'actions' ? (block.elements as Json[]) : block.accessory ? [block.accessory as Json] : [];
    return elements.map((e) => String(e.action_id));
  });
}
