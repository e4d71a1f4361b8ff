/** S3's general-purpose bucket naming rules. */
export function isValidBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-)/.test(name) &&
    !/(-s3alias|--ol-s3)$/.test(name)
  );
}
