/** A multipart/form-data body for inject(), built by the platform's own FormData encoder. */
export async function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; content: Buffer | string },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) {
    const bytes = typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
    form.append('file', new Blob([bytes]), file.name);
  }
  const request = new Request('http://siaga.test/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}
