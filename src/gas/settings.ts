/** The report's settings in document properties (one JSON property, at most 9 KB). */
import { applyLevel, LEVELS, loadSettings, parseSettings, type Level, type ReportSettings } from "../core/settings";
import { withDocumentLock } from "./lock";

const SETTINGS_PROPERTY = "cchc.settings";

export function getSettings(): ReportSettings {
  return loadSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY));
}

/** True once someone has saved the settings (set-up asks for the level first until then). */
export function hasSettings(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY) !== null;
}

/** Stores checked settings; returns the step that puts the previous ones back (inside an action that holds the lock). */
export function storeUndoable(settings: ReportSettings): () => void {
  const props = PropertiesService.getDocumentProperties();
  const before = props.getProperty(SETTINGS_PROPERTY);
  store(settings);
  return () => (before === null ? props.deleteProperty(SETTINGS_PROPERTY) : props.setProperty(SETTINGS_PROPERTY, before));
}

/** saveLevel inside an action that already holds the lock; returns the step that puts the previous settings back. */
export function saveLevelUndoable(level: unknown, name: unknown): () => void {
  return storeUndoable(levelSettings(level, name));
}

function store(settings: ReportSettings): ReportSettings {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, JSON.stringify(settings));
  return settings;
}

function levelSettings(level: unknown, name: unknown): ReportSettings {
  if (!LEVELS.includes(level as Level)) throw new Error(`Cấp báo cáo "${String(level ?? "")}" không hợp lệ; hãy chọn tỉnh, xã hoặc huyện.`);
  const text = String(name ?? "").trim();
  if (!text) throw new Error("Hãy nhập tên địa phương (ví dụ Quảng Trị).");
  return parseSettings(applyLevel(getSettings(), level as Level, text));
}

/** A level and name chosen at set-up: the other fields follow the level's defaults, what the user typed stays. */
export function saveLevel(level: unknown, name: unknown): ReportSettings {
  const settings = levelSettings(level, name);
  return withDocumentLock(() => store(settings));
}
