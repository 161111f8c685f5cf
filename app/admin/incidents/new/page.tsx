import { AdminPage } from "@/components/admin/admin-page";
import { DeclareIncidentForm } from "@/components/admin/declare-incident-form";
import { adminMetadata } from "../../admin-metadata";
import { requireAdminPage } from "../../require-admin-page";
import { declareIncidentAction } from "../actions";

export const generateMetadata = adminMetadata({ title: "Declare an incident" });

export default async function AdminNewIncidentPage() {
  await requireAdminPage();
  return (
    <AdminPage
      title="Declare an incident"
      lead="Nothing is credited yet: the next page shows what each account would get back, and you confirm there."
    >
      <section aria-labelledby="declare-heading" className="border-line bg-paper rounded-2xl border p-6">
        <h2 id="declare-heading" className="mb-5 text-base font-semibold">
          The incident
        </h2>
        <DeclareIncidentForm action={declareIncidentAction} />
      </section>
    </AdminPage>
  );
}
