/**
 * Sixty demo tenants: Indonesian businesses of every size, plus a few in Singapore and Malaysia
 * (still billed in rupiah: the plans are IDR). The first one is the seed's marker: when it exists,
 * the demo tenants, subscriptions and invoices are already there and are left alone.
 */
export interface TOrganizationSeed {
  name: string;
  slug: string;
  billingEmail: string;
  country: string;
}

const NAMES: Array<[name: string, country?: string]> = [
  ['PT Nusantara Digital Niaga'], ['PT Karya Cipta Logistik'], ['CV Maju Jaya Elektronik'],
  ['PT Sentosa Makmur Retail'], ['Toko Kopi Senja Nusantara'], ['PT Bumi Hijau Agro'],
  ['PT Cahaya Abadi Properti'], ['Klinik Sehat Bersama'], ['PT Samudra Biru Ekspres'],
  ['CV Bintang Timur Fashion'], ['PT Garuda Edukasi Indonesia'], ['Rumah Batik Larasati'],
  ['PT Mitra Solusi Finansial'], ['PT Arunika Kosmetik'], ['PT Lintas Kargo Nusantara'],
  ['Warung Digital Sejahtera'], ['PT Dapur Rempah Indonesia'], ['CV Sumber Rejeki Motor'],
  ['PT Tirta Segar Abadi'], ['PT Kencana Travel Wisata'], ['Apotek Sehat Sentosa'],
  ['PT Pelangi Proteksi Asuransi'], ['PT Rajawali Teknologi Kreatif'], ['CV Anugerah Furniture Jepara'],
  ['PT Kirana Properti Bali'], ['Sekolah Bahasa Cendekia'], ['PT Mega Karya Konstruksi'],
  ['PT Sayur Segar Nusantara'], ['Laundry Bersih Kilat'], ['PT Indah Jaya Tekstil'],
  ['PT Bahtera Kapital Ventura'], ['CV Putra Mandiri Bangunan'], ['PT Surya Gemilang Energi'],
  ['Bengkel Otomotif Prima'], ['PT Semesta Kreasi Media'], ['PT Sahabat Ternak Sejahtera'],
  ['Toko Roti Harum Manis'], ['PT Permata Dental Klinik'], ['PT Angkasa Event Organizer'],
  ['CV Lestari Craft Yogya'], ['PT Jaringan Kurir Cepat'], ['PT Nirwana Hotel Group'],
  ['PT Berkah Halal Food'], ['Salon Cantik Ayu'], ['PT Tunas Muda Fintech'],
  ['PT Harmoni Musik Indonesia'], ['PT Pustaka Ilmu Digital'], ['CV Sejahtera Optik'],
  ['PT Gemilang Properti Surabaya'], ['PT Dunia Gadget Nusantara'], ['PT Kopi Pagi Cerah'],
  ['PT Hutan Lestari Organik'], ['PT Mutiara Laut Seafood'], ['Gym Sehat Bugar Bandung'],
  ['PT Insan Kreatif Digital'], ['PT Ombak Surf Bali'],
  ['Lion City Logistics Pte Ltd', 'SG'], ['Merlion Dental Group Pte Ltd', 'SG'],
  ['Kedai Runcit Maju Sdn Bhd', 'MY'], ['Petaling Prints Sdn Bhd', 'MY'],
];

const LEGAL_FORMS = /^(PT|CV)\s+|\s+(Pte Ltd|Sdn Bhd)$/g;
const DOMAIN_SUFFIX: Record<string, string> = { ID: 'co.id', SG: 'com.sg', MY: 'com.my' };
const MAILBOXES = ['billing', 'finance', 'accounting', 'admin', 'keuangan'];

export const DEMO_ORGANIZATIONS: readonly TOrganizationSeed[] = NAMES.map(([name, country = 'ID'], index) => {
  const brand = name.replace(LEGAL_FORMS, '').toLowerCase();
  const slug = brand.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const mailbox = country === 'ID' ? MAILBOXES[index % MAILBOXES.length]! : 'billing';
  return { name, slug, billingEmail: `${mailbox}@${slug.replace(/-/g, '')}.${DOMAIN_SUFFIX[country]}`, country };
});

/** Present once the demo tenants have been created. */
export const DEMO_MARKER_SLUG = DEMO_ORGANIZATIONS[0]!.slug;
