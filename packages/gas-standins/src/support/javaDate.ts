/** Java SimpleDateFormat patterns, as Utilities.formatDate reads them. */
import { offsetMinutes, wallClock } from "./locale";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function offsetText(minutes: number, style: "Z" | "X" | "XX" | "XXX" | "z"): string {
  if (minutes === 0 && style.startsWith("X")) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  if (style === "X") return `${sign}${hh}`;
  if (style === "XXX") return `${sign}${hh}:${mm}`;
  if (style === "z") return `GMT${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** Java SimpleDateFormat patterns (English names), as Utilities.formatDate uses. */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const w = wallClock(ms, tz);
  const dayOfWeek = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const pad = (n: number, len: number) => String(n).padStart(len, "0");
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (ch) {
      case "G":
        out += w.year > 0 ? "AD" : "BC";
        break;
      case "y":
      case "Y":
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case "M":
      case "L":
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case "d":
        out += pad(w.day, n);
        break;
      case "D": {
        const doy = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000 + 1;
        out += pad(doy, n);
        break;
      }
      case "E":
        out += n >= 4 ? DAYS[dayOfWeek] : DAYS[dayOfWeek]!.slice(0, 3);
        break;
      case "u":
        out += pad(dayOfWeek === 0 ? 7 : dayOfWeek, n);
        break;
      case "a":
        out += w.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(w.hour, n);
        break;
      case "k":
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case "K":
        out += pad(w.hour % 12, n);
        break;
      case "h":
        out += pad(h12, n);
        break;
      case "m":
        out += pad(w.minute, n);
        break;
      case "s":
        out += pad(w.second, n);
        break;
      case "S":
        out += pad(w.millisecond, n);
        break;
      case "z":
        out += offsetText(offsetMinutes(ms, tz), "z");
        break;
      case "Z":
        out += offsetText(offsetMinutes(ms, tz), "Z");
        break;
      case "X":
        out += offsetText(offsetMinutes(ms, tz), n === 1 ? "X" : n === 2 ? "XX" : "XXX");
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
