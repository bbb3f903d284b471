/**
 * How a quantity prints, chosen by the form it was written in, as apimachinery's
 * `resource.Format` (k8s.io/apimachinery/pkg/api/resource/quantity.go).
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export enum QuantityFormat {
  /** Written with a decimal SI suffix (`n u m k M G T P E`) or none: `100m`, `1G`, `5`. */
  DECIMAL_SI = 'DecimalSI',
  /** Written with a binary suffix (`Ki Mi Gi Ti Pi Ei`): `64Mi`, `1.5Gi`. */
  BINARY_SI = 'BinarySI',
  /** Written with a decimal exponent: `1e3`, `1E-3`. */
  DECIMAL_EXPONENT = 'DecimalExponent',
}
