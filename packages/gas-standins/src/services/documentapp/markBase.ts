/** Base of PageBreak and HorizontalRule: an element inside a paragraph, without attributes of its own. */
import type { AttributeName } from "../../support/enums";
import type { RecordedHorizontalRule, RecordedPageBreak } from "../../support/documentRecords";
import { attrEntries, nullAttributes } from "./content";
import type { Ctx } from "./context";
import { NodeBase } from "./elementBase";
import type { AnyNode } from "./tree";

export abstract class MarkBase<Self> extends NodeBase<Self> {
  constructor(
    ctx: Ctx,
    readonly _n: RecordedPageBreak | RecordedHorizontalRule,
  ) {
    super(ctx);
  }

  abstract _cls(): string;

  _node(): AnyNode {
    return this._n;
  }

  getAttributes(): Record<AttributeName, unknown> {
    return nullAttributes();
  }

  setAttributes(attributes: unknown): Self {
    attrEntries(`${this._cls()}.setAttributes`, attributes);
    return this._self();
  }
}
