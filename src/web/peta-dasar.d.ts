/** The address of the offline base map's GeoJSON (scripts/vite-peta-dasar.ts). */
declare module 'virtual:peta-dasar' {
  const url: string;
  export default url;
}
