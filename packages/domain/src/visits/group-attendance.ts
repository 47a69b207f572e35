import { compareDates, type IsoDate } from "../shared/dates.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Attendance at a group meeting for parents (seed 002: "Veel locaties organiseren ook
 * groepsbijeenkomsten voor ouders"): recorded once the meeting has been held, with at least one
 * parent (the meetings are for parents; children may come along).
 */
export interface AttendanceToCheck {
  meetingHeldOn: IsoDate;
  today: IsoDate;
  parentCount: number;
  childCount: number;
}

export function checkAttendance(a: AttendanceToCheck): RuleResult<{ parentCount: number; childCount: number }> {
  const problems: Reason[] = [];
  if (compareDates(a.meetingHeldOn, a.today) > 0) {
    problems.push(
      reason(
        "MEETING_NOT_HELD_YET",
        `De bijeenkomst van ${a.meetingHeldOn} heeft nog niet plaatsgevonden.`,
        `The meeting of ${a.meetingHeldOn} has not taken place yet.`,
      ),
    );
  }
  if (a.parentCount < 1) {
    problems.push(reason("ATTENDANCE_WITHOUT_PARENT", "Er was ten minste één ouder aanwezig.", "At least one parent attended."));
  }
  return problems.length === 0 ? allow({ parentCount: a.parentCount, childCount: a.childCount }) : refuse(...problems);
}
