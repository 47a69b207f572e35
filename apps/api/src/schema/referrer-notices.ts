// Referrer notices (seed 004: a notice at start and at closure, only as far as the parents consent).

import { builder } from "../builder.ts";
import type { NoticeOutcome } from "../notifications/queue-referrer-notices.ts";
import { ReasonRef } from "./errors.ts";

export const NoticeOutcomeRef = builder.objectRef<NoticeOutcome>("ReferrerNoticeOutcome").implement({
  description: "What happened to a referrer notice a change made due: queued for sending, or not, with the reasons.",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "START or END." }),
    queued: t.exposeBoolean("queued"),
    reasons: t.field({ type: [ReasonRef], resolve: (o) => o.reasons }),
  }),
});
