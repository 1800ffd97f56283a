// The part of the web helper's AppConfig that the clinic side reads (structural, so the full AppConfig fits).
export interface ClinicAppConfig {
  baseUrl?: string | undefined;
  clinic: { name: string; phone: string; openingHours?: unknown };
  emergencyNumber: string;
  dataDir: string;
  databaseUrl?: string | undefined;
}
