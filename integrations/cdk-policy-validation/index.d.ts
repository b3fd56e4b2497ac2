import type { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1 } from 'aws-cdk-lib';

export interface GolivePolicyValidationOptions {
  /** golive executable. @default - $GOLIVE, else `golive` on PATH */
  readonly command?: string;
  /** Lowest severity that fails synthesis; lower failures are warnings. @default 'high' */
  readonly failOn?: 'low' | 'medium' | 'high' | 'critical' | 'never';
  /** golive profile. @default 'production' */
  readonly profile?: 'production' | 'staging' | 'development';
  /** Also report UNKNOWN verdicts, as warnings. @default false */
  readonly reportUnknown?: boolean;
  /** Further `golive scan` arguments, such as ['--config', 'golive.toml']. */
  readonly args?: string[];
}

/** golive's failing verdicts in CDK's policy validation report. */
export declare class GolivePolicyValidation implements IPolicyValidationPluginBeta1 {
  readonly name: string;
  readonly version: string;
  constructor(options?: GolivePolicyValidationOptions);
  validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1;
}
