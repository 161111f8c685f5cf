import type { ReactNode } from "react";
import { AdminPageHeader } from "./admin-page-header";

/** An admin page: its title and one-line purpose above its sections (the account area's AccountPage, for operators). */
export function AdminPage({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <div className="space-y-8">
      <AdminPageHeader title={title} lead={lead} />
      {children}
    </div>
  );
}
