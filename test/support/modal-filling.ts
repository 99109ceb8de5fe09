/**
 * Fills in a modal the app built, the way Slack does when a person uses it: each input is found by
 * the label the person reads, and a menu choice is the modal's own option with that visible text,
 * value included. So a test submits what the modal actually offers, never a value typed by hand.
 */
type Json = Record<string, unknown>;

/** What a person does with one input: picks options by their text, types text, picks a time or a channel. */
export type Answer = string | null | readonly string[];

interface Option {
  readonly value?: string;
}

/** One input's state in a view_submission, as Slack reports it. */
export interface InputState {
  readonly type: string;
  readonly value?: string | null;
  readonly selected_option?: Option | null;
  readonly selected_options?: Option[];
  readonly selected_time?: string | null;
  readonly selected_conversation?: string | null;
}

const textOf = (value: unknown) => String((value as Json | undefined)?.text ?? '');

function optionsOf(element: Json): Json[] {
  const groups = (element.option_groups as Json[] | undefined) ?? [];
  return [...((element.options as Json[] | undefined) ?? []), ...groups.flatMap((g) => g.options as Json[])];
}

/** A typed answer: text, or nothing. */
function single(answer: Answer): string | null {
  if (answer !== null && typeof answer !== 'string') throw new Error('this input takes text, not a list');
  return answer;
}

function pick(element: Json, label: string, text: string): Option {
  const option = optionsOf(element).find((o) => textOf(o.text) === text);
  if (!option) {
    const offered = optionsOf(element).map((o) => textOf(o.text));
    throw new Error(`“${label}” offers no option “${text}” (it offers ${offered.join(', ')})`);
  }
  return option as Option;
}

/** The state Slack would report for one element, given the person's answer (or what the modal preset, when none). */
function stateOf(element: Json, label: string, answer: Answer | undefined): InputState {
  const type = String(element.type);
  switch (type) {
    case 'static_select': {
      const chosen =
        answer === undefined ? element.initial_option : answer === null ? null : pick(element, label, String(answer));
      return { type, selected_option: chosen ?? null };
    }
    case 'checkboxes': {
      const chosen =
        answer === undefined
          ? ((element.initial_options as Option[] | undefined) ?? [])
          : [answer ?? []].flat().map((text) => pick(element, label, text));
      return { type, selected_options: chosen };
    }
    case 'plain_text_input':
      return {
        type,
        value: answer === undefined ? ((element.initial_value as string | undefined) ?? null) : single(answer),
      };
    case 'timepicker':
      return {
        type,
        selected_time: answer === undefined ? ((element.initial_time as string | undefined) ?? null) : single(answer),
      };
    case 'conversations_select':
      return {
        type,
        selected_conversation:
          answer === undefined ? ((element.initial_conversation as string | undefined) ?? null) : single(answer),
      };
    default:
      throw new Error(`fillModal cannot fill a ${String(type)} yet`);
  }
}

/**
 * `state.values` for a view_submission of `view`, with `answers` keyed by each input's label (as
 * shown). Inputs not answered keep what the modal preset; an answer for a label the modal does not
 * have is an error, as is a menu choice it does not offer.
 */
export function fillModal(
  view: { blocks: unknown[] },
  answers: Record<string, Answer>,
): Record<string, Record<string, InputState>> {
  const inputs = (view.blocks as Json[]).filter((b) => b.type === 'input');
  for (const label of Object.keys(answers)) {
    if (!inputs.some((b) => textOf(b.label) === label)) throw new Error(`the modal has no input labelled “${label}”`);
  }
  const values: Record<string, Record<string, InputState>> = {};
  for (const block of inputs) {
    const element = block.element as Json;
    const label = textOf(block.label);
    values[String(block.block_id)] = { [String(element.action_id)]: stateOf(element, label, answers[label]) };
  }
  return values;
}
